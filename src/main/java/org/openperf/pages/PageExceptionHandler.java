package org.openperf.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.NotFoundException;
import org.openperf.web.ApiExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The pages answer a page, not JSON, with the API's status for the same error: another unit's project is "not
 * found" (404), bad filters a 400.
 */
@ControllerAdvice(assignableTypes = {ProjectPageController.class, HomePage.class, ImportPageController.class,
        MonitoringReportPage.class, SelfEvaluationPage.class, RulesPage.class, DepartmentTargetPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageExceptionHandler {

    @ExceptionHandler({NotFoundException.class, ForbiddenException.class, ConflictException.class,
            IllegalArgumentException.class})
    public String refused(RuntimeException e, Model model, HttpServletResponse response) {
        int status = ApiExceptionHandler.status(e).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
