package org.openperf.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file the API hands out (exported tables, 监控表, 自评表, error reports, uploaded originals): written in memory and
 * answered as an attachment whose Chinese file name survives every browser.
 */
public final class Download {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Download() {
    }

    /** Something that writes a file to a stream, as the workbook and document writers do. */
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** The file written in memory; an I/O error there is a bug, not the caller's, so it is not checked. */
    public static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The answer that makes the browser save {@code body} as {@code fileName} (UTF-8, e.g. 绩效目标表-3.xlsx). */
    public static ResponseEntity<byte[]> attachment(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
