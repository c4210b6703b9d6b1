package io.jdatagen.detection;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Pascal VOC annotation folder: one XML file per image ({@code <filename>},
 * {@code <size><width/><height/>}, and per {@code <object>}: {@code <name>}, {@code <bndbox>} with
 * {@code xmin ymin xmax ymax}, optional {@code <difficult>}), with the JDK's DOM parser hardened: a file with a
 * DOCTYPE is refused (so no DTD, internal or external, and no entity is ever expanded or fetched), XInclude
 * is off and external DTD and schema access is disabled.
 *
 * <p>VOC's corners are 1-based pixel numbers, both inclusive ({@code xmin = 1} is the first column, a box of
 * one pixel has {@code xmin == xmax}); they become pixel edges as {@code (xmin − 1, ymin − 1, xmax, ymax)}.
 * {@code difficult} objects are the crowd boxes ({@link CrowdBoxes}). Files are read in name order; class
 * names are those given, or every name found, sorted.
 */
public final class VocAnnotations {
    private VocAnnotations() {
    }

    /**
     * {@return the annotations of the {@code .xml} files in {@code annotationDirectory}, each image resolved
     * against {@code imageDirectory}}
     *
     * @param classNames the classes in label order, or null for the sorted names the files use
     * @param crowd whether difficult boxes are kept (flagged) or left out
     * @throws IllegalArgumentException naming the file and the field, for a malformed file, a DOCTYPE, or an
     *     object whose name is not among {@code classNames}
     * @throws UncheckedIOException when the folder or a file cannot be read
     */
    public static Annotations read(Path annotationDirectory, Path imageDirectory, List<String> classNames,
            CrowdBoxes crowd) {
        List<Path> files;
        try (Stream<Path> s = Files.list(annotationDirectory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + annotationDirectory, e);
        }
        DocumentBuilder parser = parser();
        List<Document> documents = new ArrayList<>();
        TreeSet<String> found = new TreeSet<>();
        for (Path f : files) {
            Document d = parse(parser, f);
            documents.add(d);
            NodeList objects = d.getDocumentElement().getElementsByTagName("object");
            for (int i = 0; i < objects.getLength(); i++) {
                found.add(text((Element) objects.item(i), "name", f, "object[" + i + "].name"));
            }
        }
        List<String> names = classNames != null ? List.copyOf(classNames) : List.copyOf(found);
        Map<String, Integer> labelOf = new TreeMap<>();
        for (int c = 0; c < names.size(); c++) {
            labelOf.put(names.get(c), c);
        }
        List<AnnotatedImage> images = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            images.add(image(documents.get(k).getDocumentElement(), files.get(k), imageDirectory, labelOf));
        }
        return new Annotations(names, images).apply(crowd);
    }

    private static AnnotatedImage image(Element root, Path file, Path imageDirectory, Map<String, Integer> labelOf) {
        if (!root.getTagName().equals("annotation")) {
            throw new IllegalArgumentException(file + ": the root element must be <annotation>; got <"
                    + root.getTagName() + ">");
        }
        Element size = child(root, "size", file, "size");
        int width = (int) number(size, "width", file, "size.width");
        int height = (int) number(size, "height", file, "size.height");
        NodeList objects = root.getElementsByTagName("object");
        double[][] boxes = new double[objects.getLength()][];
        int[] labels = new int[boxes.length];
        boolean[] difficult = new boolean[boxes.length];
        for (int i = 0; i < boxes.length; i++) {
            Element o = (Element) objects.item(i);
            String where = "object[" + i + "]";
            String name = text(o, "name", file, where + ".name");
            Integer label = labelOf.get(name);
            if (label == null) {
                throw new IllegalArgumentException(file + ": " + where + ".name must be one of " + labelOf.keySet()
                        + "; got \"" + name + "\"");
            }
            labels[i] = label;
            Element box = child(o, "bndbox", file, where + ".bndbox");
            double xmin = number(box, "xmin", file, where + ".bndbox.xmin");
            double ymin = number(box, "ymin", file, where + ".bndbox.ymin");
            double xmax = number(box, "xmax", file, where + ".bndbox.xmax");
            double ymax = number(box, "ymax", file, where + ".bndbox.ymax");
            if (xmax < xmin || ymax < ymin) {
                throw new IllegalArgumentException(file + ": " + where + ".bndbox must have xmin <= xmax and ymin <="
                        + " ymax; got " + xmin + ", " + ymin + ", " + xmax + ", " + ymax);
            }
            boxes[i] = new double[] {xmin - 1, ymin - 1, xmax, ymax};
            NodeList d = o.getElementsByTagName("difficult");
            difficult[i] = d.getLength() > 0 && d.item(0).getTextContent().trim().equals("1");
        }
        String filename = text(root, "filename", file, "filename");
        return new AnnotatedImage(ImagePaths.resolve(imageDirectory, filename, file, "filename"), width, height,
                BoundingBoxes.of(BoxFormat.XYXY, boxes, labels), difficult, Keypoints.empty());
    }

    /** A DOM parser that reads no DTD and expands no entity: a DOCTYPE is an error. */
    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new Quiet());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the hardening features", e);
        }
    }

    /** Turns every parse error into an exception, printing nothing (the JDK's default prints to stderr). */
    private static final class Quiet implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // A warning does not stop the parse; the result is checked field by field.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static Document parse(DocumentBuilder parser, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, file.toUri().toString());
        } catch (SAXException e) {
            throw new IllegalArgumentException(file + ": not a well-formed VOC annotation (DOCTYPE and entities"
                    + " are refused): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Element child(Element parent, String tag, Path file, String field) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        throw new IllegalArgumentException(file + ": " + field + " is missing");
    }

    private static String text(Element parent, String tag, Path file, String field) {
        String t = child(parent, tag, file, field).getTextContent().trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + field + " must not be empty");
        }
        return t;
    }

    private static double number(Element parent, String tag, Path file, String field) {
        String t = text(parent, tag, file, field);
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": " + field + " must be a number >= 0; got \"" + t + "\"");
    }
}
