package org.openperf.web;

import java.util.Locale;
import org.openperf.imports.TargetTableReader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads the servlet container refuses while it parses the multipart request (too large, a part header too long).
 * That happens before Spring knows the handler, so {@link ApiExceptionHandler}, which is limited to the project's
 * controllers, is not asked: without this global advice the answer is a bare 413 with no body and no message.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadExceptionHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        if (mentionsHeader(e)) {
            return ApiExceptionHandler.answer(HttpStatus.BAD_REQUEST,
                    "上传请求的表单头过长（文件名过长？），已拒绝：请缩短文件名后再上传", null);
        }
        return ApiExceptionHandler.answer(HttpStatus.PAYLOAD_TOO_LARGE, "文件超过上传大小限制（"
                + TargetTableReader.MAX_BYTES / 1024 / 1024 + " MB），已拒绝：请拆分成多个文件后再上传", null);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> malformed(MultipartException e) {
        return ApiExceptionHandler.answer(HttpStatus.BAD_REQUEST,
                "上传请求无法解析（不是完整的 multipart/form-data 表单），请重新上传文件（表单字段 file）", null);
    }

    private static boolean mentionsHeader(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }
}
