package org.openperf.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.openperf.departments.DepartmentTargetNotFoundException;
import org.openperf.imports.ImportFailedException;
import org.openperf.imports.ImportRejectedException;
import org.openperf.imports.ImportNotFoundException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.review.TaskConflictException;
import org.openperf.review.TaskNotFoundException;
import org.openperf.targets.InvalidProjectException;
import org.openperf.targets.ProjectNotEditableException;
import org.openperf.targets.ProjectNotFoundException;
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

/** Turns the project's exceptions into 4xx answers with clear Chinese messages; nothing else leaks a stack trace. */
@RestControllerAdvice(basePackages = "org.openperf")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({ProjectNotFoundException.class, ImportNotFoundException.class, TaskNotFoundException.class,
            DepartmentTargetNotFoundException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(ProjectNotEditableException.class)
    ResponseEntity<ApiError> notEditable(ProjectNotEditableException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(TaskConflictException.class)
    ResponseEntity<ApiError> taskConflict(TaskConflictException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(InvalidProjectException.class)
    ResponseEntity<ApiError> invalid(InvalidProjectException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ApiError> rejected(ImportRejectedException e) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), null);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<ApiError> failed(ImportFailedException e) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), e.problems());
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

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> illegal(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    static ResponseEntity<ApiError> answer(HttpStatus status, String message, java.util.List<?> problems) {
        if (status.is5xxServerError()) {
            log.error("{}", message);
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, problems));
    }
}
