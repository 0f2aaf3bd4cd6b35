package org.openperf.imports;

/**
 * The uploaded file cannot be read at all: not an .xlsx/.docx (old .xls/.doc, CSV, text, image, empty), damaged
 * or truncated, a zip bomb, or without any target table. The message is meant for the user, in Chinese.
 */
public class ImportRejectedException extends RuntimeException {

    private final String fileName;

    public ImportRejectedException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    public ImportRejectedException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    public String getFileName() {
        return fileName;
    }
}
