package org.openperf.pages;

import org.openperf.imports.ImportNotFoundException;
import org.openperf.targets.ProjectNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The pages answer a page, not JSON: another unit's project is "not found" (404), bad filters a 400. */
@ControllerAdvice(assignableTypes = {ProjectPageController.class, HomePage.class, ImportPageController.class,
        MonitoringReportPage.class, SelfEvaluationPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageExceptionHandler {

    @ExceptionHandler({ProjectNotFoundException.class, ImportNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(RuntimeException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badRequest(RuntimeException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
