package org.openperf.imports;

/** What an upload really is, by its bytes rather than its name (a text file renamed .xlsx is not a workbook). */
enum FileKind {
    XLSX, DOCX, OTHER;

    static FileKind of(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return OTHER;
        }
        // An OOXML package names its main part early; a cheap scan of the zip's central entries suffices here.
        String head = new String(content, 0, Math.min(content.length, 1 << 20), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.contains("xl/")) {
            return XLSX;
        }
        if (head.contains("word/")) {
            return DOCX;
        }
        return OTHER;
    }
}
