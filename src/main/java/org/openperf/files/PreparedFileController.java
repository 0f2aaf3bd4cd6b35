package org.openperf.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "后台生成的文件")
public class PreparedFileController {

    private final PreparedFiles files;

    PreparedFileController(PreparedFiles files) {
        this.files = files;
    }

    @GetMapping("/api/files/{id}")
    @Operation(summary = "后台生成的文件：状态 RUNNING（生成中）、DONE（可下载）、FAILED（失败及原因）、INTERRUPTED（中断）；仅请求人可见")
    public FileView get(@PathVariable Long id) {
        return FileView.of(files.find(id, Caller.current()), files);
    }

    @GetMapping("/api/files/{id}/content")
    @Operation(summary = "下载已生成的文件（生成中或失败时 409）")
    public ResponseEntity<byte[]> content(@PathVariable Long id) {
        PreparedFile file = files.find(id, Caller.current());
        byte[] body = files.content(file);
        String name = file.getFileName();
        MediaType type = name.endsWith(".xlsx") ? Download.XLSX : MediaType.APPLICATION_OCTET_STREAM;
        return Download.attachment(body, name, type);
    }

    /** {@code content}: where to fetch the file once {@code status} is DONE. */
    public record FileView(Long id, String kind, String fileName, String status, String message, Long sizeBytes,
                           String content) {
        public static FileView of(PreparedFile f, PreparedFiles files) {
            boolean stale = files.stale(f);
            return new FileView(f.getId(), f.getKind(), f.getFileName(), stale ? "INTERRUPTED" : f.getStatus().name(),
                    stale ? PreparedFiles.interrupted() : f.getMessage(), f.getSizeBytes(),
                    "/api/files/" + f.getId() + "/content");
        }
    }
}
