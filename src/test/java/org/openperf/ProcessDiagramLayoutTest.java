package org.openperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The models in {@code bpmn/} are read by people in Camunda Modeler, Cockpit and Tasklist: a flow drawn through a
 * task, shapes on top of each other or a label over a gateway make a reviewer misread the process. This reads every
 * diagram's geometry (BPMNDI) and fails on:
 * <ul>
 * <li>a flow node or sequence flow without a shape or edge;</li>
 * <li>a sequence flow whose waypoints cross a shape other than its own source and target, leave the expanded
 * subprocess it belongs to, or do not start at its source / end at its target;</li>
 * <li>two overlapping shapes (a boundary event on its host, and a shape inside the expanded subprocess it belongs
 * to, excepted; that shape must lie wholly inside it);</li>
 * <li>a label over a shape, over another label or outside the subprocess its element belongs to, and a named event, gateway or flow without label bounds (the
 * modeler would then place the label itself, wherever it falls);</li>
 * <li>a BPMN or DMN file that does not declare Camunda Platform 7.24.0 as its execution platform, so Modeler would
 * open it without the 7.24 checks.</li>
 * </ul>
 */
class ProcessDiagramLayoutTest {

    private static final Path MODELS = Path.of("bpmn").toAbsolutePath();
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    private static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    /** Rounding in the modeler: a flow may touch a shape's outline by a pixel or two without crossing it. */
    private static final double TOLERANCE = 2.0;

    @Test
    void noFlowCrossesAShapeNoShapesOverlapAndLabelsAreClear() throws Exception {
        List<Path> diagrams = files(".bpmn");
        assertThat(diagrams).as("bpmn/ holds the process models").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : diagrams) {
            problems.addAll(new Diagram(file).problems());
        }
        assertThat(problems).as("layout problems in bpmn/*.bpmn").isEmpty();
    }

    @Test
    void everyModelDeclaresCamundaPlatform724AsItsExecutionPlatform() throws Exception {
        List<Path> models = new ArrayList<>(files(".bpmn"));
        models.addAll(files(".dmn"));
        assertThat(models).as("bpmn/ holds BPMN and DMN models").anyMatch(p -> p.toString().endsWith(".dmn"));
        List<String> problems = new ArrayList<>();
        for (Path file : models) {
            Element definitions = parse(file).getDocumentElement();
            String platform = definitions.getAttributeNS(MODELER, "executionPlatform");
            String version = definitions.getAttributeNS(MODELER, "executionPlatformVersion");
            if (!"Camunda Platform".equals(platform) || !"7.24.0".equals(version)) {
                problems.add(name(file) + ": definitions declare execution platform '" + platform + "' version '"
                        + version + "', expected modeler:executionPlatform=\"Camunda Platform\" and "
                        + "modeler:executionPlatformVersion=\"7.24.0\"");
            }
        }
        assertThat(problems).as("execution platform of bpmn/*.bpmn and bpmn/*.dmn").isEmpty();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    record Box(double x, double y, double w, double h) {

        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }

        /** Interiors overlap by more than the tolerance. */
        boolean overlaps(Box other) {
            return x + TOLERANCE < other.right() && other.x + TOLERANCE < right()
                    && y + TOLERANCE < other.bottom() && other.y + TOLERANCE < bottom();
        }

        boolean contains(Box other) {
            return other.x >= x - TOLERANCE && other.y >= y - TOLERANCE
                    && other.right() <= right() + TOLERANCE && other.bottom() <= bottom() + TOLERANCE;
        }

        boolean contains(double px, double py, double margin) {
            return px >= x - margin && px <= right() + margin && py >= y - margin && py <= bottom() + margin;
        }

        /** Whether the segment passes through this box shrunk by the tolerance (touching the outline is fine). */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            double minX = x + TOLERANCE;
            double maxX = right() - TOLERANCE;
            double minY = y + TOLERANCE;
            double maxY = bottom() - TOLERANCE;
            if (minX >= maxX || minY >= maxY) {
                return false;
            }
            // Liang–Barsky clipping: the segment crosses when some part of it lies strictly inside.
            double t0 = 0;
            double t1 = 1;
            double dx = x2 - x1;
            double dy = y2 - y1;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x1 - minX, maxX - x1, y1 - minY, maxY - y1};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] <= 0) {
                        return false;
                    }
                } else {
                    double r = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, r);
                    } else {
                        t1 = Math.min(t1, r);
                    }
                }
            }
            return t0 < t1;
        }

        @Override
        public String toString() {
            return "(" + fmt(x) + "," + fmt(y) + " " + fmt(w) + "×" + fmt(h) + ")";
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    record Shape(String id, Element element, Box bounds, Box label) {
    }

    record Edge(String id, Element element, List<double[]> waypoints, Box label) {
    }

    /** One BPMN file: its flow elements by id and its shapes and edges. */
    private static final class Diagram {

        private final String file;
        private final Map<String, Element> elements = new HashMap<>();
        private final Map<String, Shape> shapes = new HashMap<>();
        private final List<Shape> shapeList = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Diagram(Path path) throws Exception {
            this.file = name(path);
            Document doc = parse(path);
            NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (e.hasAttribute("id")) {
                    elements.put(e.getAttribute("id"), e);
                }
            }
            NodeList shapeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
            for (int i = 0; i < shapeNodes.getLength(); i++) {
                Element di = (Element) shapeNodes.item(i);
                String ref = di.getAttribute("bpmnElement");
                Element element = elements.get(ref);
                if (element == null) {
                    problems.add(file + ": shape " + di.getAttribute("id") + " refers to no element " + ref);
                    continue;
                }
                Shape shape = new Shape(ref, element, bounds(child(di, DC, "Bounds")), label(di));
                shapes.put(ref, shape);
                shapeList.add(shape);
            }
            NodeList edgeNodes = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
            for (int i = 0; i < edgeNodes.getLength(); i++) {
                Element di = (Element) edgeNodes.item(i);
                String ref = di.getAttribute("bpmnElement");
                Element element = elements.get(ref);
                if (element == null) {
                    problems.add(file + ": edge " + di.getAttribute("id") + " refers to no element " + ref);
                    continue;
                }
                List<double[]> points = new ArrayList<>();
                NodeList wps = di.getElementsByTagNameNS(DI, "waypoint");
                for (int j = 0; j < wps.getLength(); j++) {
                    Element wp = (Element) wps.item(j);
                    points.add(new double[] {num(wp, "x"), num(wp, "y")});
                }
                edges.add(new Edge(ref, element, points, label(di)));
            }
        }

        List<String> problems() {
            checkEveryElementIsDrawn();
            checkEdges();
            checkShapes();
            checkLabels();
            return problems;
        }

        private void checkEveryElementIsDrawn() {
            List<String> drawn = new ArrayList<>(shapes.keySet());
            edges.forEach(e -> drawn.add(e.id()));
            for (Element element : elements.values()) {
                String type = element.getLocalName();
                boolean flowNode = type.endsWith("Event") || type.endsWith("Task") || type.endsWith("Gateway")
                        || type.equals("task") || type.equals("subProcess") || type.equals("callActivity")
                        || type.equals("transaction");
                if ((flowNode || type.equals("sequenceFlow")) && !drawn.contains(element.getAttribute("id"))) {
                    problems.add(file + ": " + type + " " + element.getAttribute("id") + " is not drawn");
                }
            }
        }

        private void checkEdges() {
            for (Edge edge : edges) {
                if (!"sequenceFlow".equals(edge.element().getLocalName())) {
                    continue;
                }
                String source = edge.element().getAttribute("sourceRef");
                String target = edge.element().getAttribute("targetRef");
                List<double[]> points = edge.waypoints();
                if (points.size() < 2) {
                    problems.add(file + ": flow " + edge.id() + " has fewer than two waypoints");
                    continue;
                }
                Shape from = shapes.get(source);
                Shape to = shapes.get(target);
                double[] first = points.get(0);
                double[] last = points.get(points.size() - 1);
                if (from != null && !from.bounds().contains(first[0], first[1], TOLERANCE)) {
                    problems.add(file + ": flow " + edge.id() + " starts at " + point(first) + ", away from its source "
                            + source + " " + from.bounds());
                }
                if (to != null && !to.bounds().contains(last[0], last[1], TOLERANCE)) {
                    problems.add(file + ": flow " + edge.id() + " ends at " + point(last) + ", away from its target "
                            + target + " " + to.bounds());
                }
                Shape container = container(edge.element());
                if (container != null) {
                    for (double[] p : points) {
                        if (!container.bounds().contains(p[0], p[1], 0)) {
                            problems.add(file + ": flow " + edge.id() + " leaves its subprocess " + container.id()
                                    + " at " + point(p));
                            break;
                        }
                    }
                }
                for (Shape shape : shapeList) {
                    if (shape.id().equals(source) || shape.id().equals(target) || isAncestor(shape, edge.element())
                            || shape.id().equals(host(source)) || shape.id().equals(host(target))) {
                        continue;
                    }
                    for (int i = 0; i + 1 < points.size(); i++) {
                        double[] a = points.get(i);
                        double[] b = points.get(i + 1);
                        if (shape.bounds().crossedBy(a[0], a[1], b[0], b[1])) {
                            problems.add(file + ": flow " + edge.id() + " (" + source + " → " + target + ") crosses "
                                    + shape.id() + " " + shape.bounds() + " between " + point(a) + " and " + point(b));
                            break;
                        }
                    }
                }
            }
        }

        private void checkShapes() {
            for (int i = 0; i < shapeList.size(); i++) {
                Shape a = shapeList.get(i);
                Shape container = container(a.element());
                if (container != null && !container.bounds().contains(a.bounds())) {
                    problems.add(file + ": " + a.id() + " " + a.bounds() + " sticks out of its subprocess "
                            + container.id() + " " + container.bounds());
                }
                for (int j = i + 1; j < shapeList.size(); j++) {
                    Shape b = shapeList.get(j);
                    if (!a.bounds().overlaps(b.bounds()) || a.id().equals(host(b.id())) || b.id().equals(host(a.id()))
                            || isAncestor(a, b.element()) || isAncestor(b, a.element())) {
                        continue;
                    }
                    problems.add(file + ": shapes " + a.id() + " " + a.bounds() + " and " + b.id() + " " + b.bounds()
                            + " overlap");
                }
            }
        }

        private void checkLabels() {
            record Label(String owner, Element element, Box box) {
            }
            List<Label> labels = new ArrayList<>();
            for (Shape shape : shapeList) {
                String type = shape.element().getLocalName();
                boolean external = type.endsWith("Event") || type.endsWith("Gateway");
                if (shape.label() != null) {
                    labels.add(new Label(shape.id(), shape.element(), shape.label()));
                } else if (external && !shape.element().getAttribute("name").isBlank()) {
                    problems.add(file + ": " + shape.id() + " (" + shape.element().getAttribute("name")
                            + ") has a name but no label bounds");
                }
            }
            for (Edge edge : edges) {
                if (edge.label() != null) {
                    labels.add(new Label(edge.id(), edge.element(), edge.label()));
                } else if (!edge.element().getAttribute("name").isBlank()) {
                    problems.add(file + ": flow " + edge.id() + " (" + edge.element().getAttribute("name")
                            + ") has a name but no label bounds");
                }
            }
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                Shape container = container(label.element());
                if (container != null && !container.bounds().contains(label.box())) {
                    problems.add(file + ": label of " + label.owner() + " " + label.box() + " sticks out of its "
                            + "subprocess " + container.id() + " " + container.bounds());
                }
                for (Shape shape : shapeList) {
                    if (label.box().overlaps(shape.bounds()) && !isAncestor(shape, label.element())
                            && !(shape.id().equals(label.owner()) && !isExternal(shape))) {
                        problems.add(file + ": label of " + label.owner() + " " + label.box() + " lies over "
                                + shape.id() + " " + shape.bounds());
                    }
                }
                for (int j = i + 1; j < labels.size(); j++) {
                    Label other = labels.get(j);
                    if (label.box().overlaps(other.box())) {
                        problems.add(file + ": labels of " + label.owner() + " " + label.box() + " and "
                                + other.owner() + " " + other.box() + " overlap");
                    }
                }
            }
        }

        private static boolean isExternal(Shape shape) {
            String type = shape.element().getLocalName();
            return type.endsWith("Event") || type.endsWith("Gateway");
        }

        /** The shape of the expanded subprocess that directly holds the element, if any. */
        private Shape container(Element element) {
            for (Node n = element.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
                if ("subProcess".equals(parent.getLocalName())) {
                    return shapes.get(parent.getAttribute("id"));
                }
            }
            return null;
        }

        private static boolean isAncestor(Shape shape, Element element) {
            for (Node n = element.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
                if (parent == shape.element()) {
                    return true;
                }
            }
            return false;
        }

        /** The activity a boundary event is attached to, or null. */
        private String host(String id) {
            Element e = elements.get(id);
            return e != null && "boundaryEvent".equals(e.getLocalName()) ? e.getAttribute("attachedToRef") : null;
        }

        private static Box label(Element di) {
            Element label = child(di, BPMNDI, "BPMNLabel");
            if (label == null) {
                return null;
            }
            Element bounds = child(label, DC, "Bounds");
            return bounds == null ? null : bounds(bounds);
        }

        private static Element child(Element parent, String ns, String localName) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                    return e;
                }
            }
            return null;
        }

        private static Box bounds(Element b) {
            return new Box(num(b, "x"), num(b, "y"), num(b, "width"), num(b, "height"));
        }

        private static double num(Element e, String attribute) {
            return Double.parseDouble(e.getAttribute(attribute));
        }

        private static String point(double[] p) {
            return "(" + fmt(p[0]) + "," + fmt(p[1]) + ")";
        }
    }
}
