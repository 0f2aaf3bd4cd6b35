package org.openperf.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.RejectedFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns the project's exceptions into 4xx answers with clear Chinese messages; nothing else leaks a stack trace. The
 * kernel's common errors are mapped here once, whichever feature throws them ({@link #status}); the rest are Spring's
 * own refusals of a malformed request.
 */
@RestControllerAdvice(basePackages = "org.openperf")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The kernel's common errors; {@link InvalidInputException} is an {@link IllegalArgumentException}. */
    @ExceptionHandler({NotFoundException.class, ForbiddenException.class, ConflictException.class,
            IllegalArgumentException.class})
    ResponseEntity<ApiError> refused(RuntimeException e) {
        List<?> details = e instanceof InvalidInputException i && !i.details().isEmpty() ? i.details() : null;
        return answer(status(e), e.getMessage(), details);
    }

    /**
     * The status of a refusal, for the API and the pages alike: 404 not found (or not the caller's), 403 not allowed,
     * 409 not in a state that allows it, 422 a file that cannot be taken in, 400 any other bad input.
     */
    public static HttpStatus status(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof RejectedFileException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof IllegalArgumentException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "请求中缺少上传文件（表单字段 file）", null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String where = "";
        if (e.getCause() instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            where = "：字段 " + f.getPathReference().replaceAll("^.*\\[\"?", "").replaceAll("\"?]$", "")
                    + " 的值“" + f.getValue() + "”格式不正确";
        }
        return answer(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON" + where, null);
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String message, List<?> problems) {
        if (status.is5xxServerError()) {
            log.error("{}", message);
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, problems));
    }
}
