package org.openperf.kernel;

import java.util.List;

/**
 * An uploaded file that arrived whole but cannot be taken in (422): not an .xlsx/.docx, damaged, without any target
 * table, already imported, or with tables that cannot be read as tables. The message names the file and what is
 * wrong; {@link #details()} lists every problem where there are several. Nothing of the file is stored.
 */
public class RejectedFileException extends InvalidInputException {

    public RejectedFileException(String message) {
        super(message);
    }

    public RejectedFileException(String message, List<?> details) {
        super(message, details);
    }

    public RejectedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
