package org.openperf.imports;

public class ImportNotFoundException extends RuntimeException {

    public ImportNotFoundException(Long id) {
        super("导入批次 " + id + " 不存在");
    }

    public ImportNotFoundException(String message) {
        super(message);
    }
}
