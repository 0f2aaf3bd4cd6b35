package org.openperf.imports;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns each top-level table of a Word document into a {@link Grid}, reading the table XML directly so that
 * gridBefore, gridSpan, vMerge and the legacy hMerge are honoured. The paragraphs between two tables are kept as
 * the next table's context (its title).
 */
final class DocxGrids {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxGrids() {
    }

    static List<Grid> read(XWPFDocument doc) {
        List<Grid> grids = new ArrayList<>();
        List<String> context = new ArrayList<>();
        int tableNo = 0;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                String text = Text.clean(p.getText());
                if (!text.isEmpty()) {
                    context.add(text);
                }
            } else if (element instanceof XWPFTable t) {
                tableNo++;
                grids.add(read(t, tableNo, context));
                context.clear();
            }
        }
        return grids;
    }

    private static Grid read(XWPFTable table, int tableNo, List<String> context) {
        Grid grid = Grid.wordTable(tableNo, context);
        int r = 0;
        for (Element tr : children(table.getCTTbl().getDomNode(), "tr")) {
            int col = intVal(first(first(tr, "trPr"), "gridBefore"), 0);
            int display = 0;
            for (Element tc : children(tr, "tc")) {
                Element tcPr = first(tc, "tcPr");
                int span = Math.max(1, intVal(first(tcPr, "gridSpan"), 1));
                Element vMerge = first(tcPr, "vMerge");
                Element hMerge = first(tcPr, "hMerge");
                boolean vContinue = vMerge != null && !"restart".equals(val(vMerge));
                boolean hContinue = hMerge != null && !"restart".equals(val(hMerge)) && col > 0;
                for (int k = 0; k < span; k++) {
                    int c = col + k;
                    Grid.Cell above = grid.cell(r - 1, c);
                    Grid.Cell left = grid.cell(r, col - 1);
                    if (vContinue && above != null) {
                        grid.put(r, c, above.text(), above.originRow(), above.originCol(), display);
                    } else if (hContinue && left != null) {
                        grid.put(r, c, left.text(), left.originRow(), left.originCol(), display);
                    } else if (k == 0) {
                        grid.put(r, c, Text.clean(cellText(tc)), r, c, display);
                    } else {
                        grid.put(r, c, grid.text(r, col), r, col, display);
                    }
                }
                col += span;
                display++;
            }
            r++;
        }
        return grid;
    }

    /** Paragraphs of a cell joined by line breaks; tabs and breaks inside a paragraph read as spaces. */
    private static String cellText(Element tc) {
        StringBuilder sb = new StringBuilder();
        appendText(tc, sb);
        return sb.toString();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "t" -> appendCharacters(e, sb);
                case "tab", "br", "cr" -> sb.append(' ');
                case "p" -> {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    appendText(e, sb);
                }
                case "tcPr", "pPr", "rPr", "del", "instrText", "delText" -> {
                }
                default -> appendText(e, sb);
            }
        }
    }

    /** The characters of a w:t (XmlBeans' DOM has no getTextContent). */
    private static void appendCharacters(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
    }

    /** Child elements with the local name, looking through content controls and custom XML wrappers. */
    private static List<Element> children(Node parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                String name = e.getLocalName();
                if (localName.equals(name)) {
                    out.add(e);
                } else if ("sdt".equals(name) || "sdtContent".equals(name) || "customXml".equals(name)) {
                    out.addAll(children(e, localName));
                }
            }
        }
        return out;
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String val(Element e) {
        if (e == null) {
            return null;
        }
        String v = e.getAttributeNS(W, "val");
        if (v == null || v.isEmpty()) {
            v = e.getAttribute("w:val");
        }
        return v == null || v.isEmpty() ? null : v;
    }

    private static int intVal(Element e, int dflt) {
        String v = val(e);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException ex) {
            return dflt;
        }
    }
}
