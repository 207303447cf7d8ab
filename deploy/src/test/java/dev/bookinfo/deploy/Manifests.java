package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Kubernetes and Istio YAML and checks it against the fabric8 models: the kind must be known, no field may
 * land in the model's catch-all {@code additionalProperties} (a typo such as {@code issuerr}, or a value of the
 * wrong type), and nothing may be lost in a round trip (an unknown enum value such as {@code STRICTT} becomes
 * {@code null} silently, so the re-serialised tree differs from the original).
 */
final class Manifests {

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private Manifests() {}

    /** The checkout: the failsafe/surefire configuration passes it; {@code ..} when run from the module. */
    static Path root() {
        return Path.of(System.getProperty("bookinfo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** Every non-empty document of a multi-document YAML file or string. */
    static List<JsonNode> documents(String yaml) {
        // One tree per document; a MappingIterator would unwrap a top-level sequence (a JSON patch) into its items.
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            while (parser.nextToken() != null) {
                JsonNode doc = YAML.readTree(parser);
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        return documents(read(file));
    }

    /**
     * A container's env after kustomize's strategic merge of a patch's env into it: the patch's variables first, then
     * the original ones the patch does not name, in their order.
     */
    static ArrayNode mergedEnv(JsonNode patch, JsonNode original) {
        ArrayNode merged = YAML.createArrayNode();
        Set<String> named = new TreeSet<>();
        patch.forEach(variable -> {
            merged.add(variable.deepCopy());
            named.add(variable.path("name").asText());
        });
        original.forEach(variable -> {
            if (!named.contains(variable.path("name").asText())) {
                merged.add(variable.deepCopy());
            }
        });
        return merged;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed document: its YAML tree and its typed model. */
    record Resource(JsonNode tree, HasMetadata model) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name();
        }
    }

    /** Validates every document of a file; the message names the file. */
    static List<Resource> validated(Path file) {
        List<Resource> out = new ArrayList<>();
        for (JsonNode doc : documents(file)) {
            out.add(validate(doc, file.toString()));
        }
        return out;
    }

    static List<Resource> validatedYaml(String yaml, String where) {
        List<Resource> out = new ArrayList<>();
        for (JsonNode doc : documents(yaml)) {
            out.add(validate(doc, where));
        }
        return out;
    }

    /** Fails unless the document maps onto a fabric8 model completely and losslessly. */
    static Resource validate(JsonNode doc, String where) {
        String id = where + ": " + doc.path("kind").asText("?") + "/"
                + doc.path("metadata").path("name").asText("?");
        assertFalse(doc.path("apiVersion").asText().isEmpty(), id + ": no apiVersion");
        assertFalse(doc.path("kind").asText().isEmpty(), id + ": no kind");
        Object parsed;
        try {
            parsed = Serialization.unmarshal(Serialization.asJson(doc));
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable c = e; c != null; c = c.getCause()) {
                causes.append(" / ").append(c.getMessage());
            }
            throw new AssertionError(id + ": does not parse" + causes, e);
        }
        assertNotNull(parsed, id + ": parsed to nothing");
        if (parsed instanceof GenericKubernetesResource || !(parsed instanceof HasMetadata)) {
            fail(id + ": no fabric8 model knows " + doc.path("apiVersion").asText() + " "
                    + doc.path("kind").asText());
        }
        List<String> unknown = new ArrayList<>();
        collectAdditionalProperties(parsed, "", unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            fail(id + ": fields the model does not know (typo or wrong type): " + unknown);
        }
        JsonNode back = Serialization.jsonMapper().valueToTree(parsed);
        List<String> diffs = new ArrayList<>();
        diff(doc, back, "", diffs);
        if (!diffs.isEmpty()) {
            fail(id + ": not preserved by a round trip through the model (unknown enum value?): " + diffs);
        }
        return new Resource(doc, (HasMetadata) parsed);
    }

    /** Walks a fabric8 model graph and lists the paths of every non-empty additionalProperties map. */
    private static void collectAdditionalProperties(
            Object node, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectAdditionalProperties(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectAdditionalProperties(e.getValue(), path + "." + e.getKey(), out, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || !m.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        out.add((path.isEmpty() ? "" : path.substring(1) + ".") + key);
                    }
                }
                continue;
            }
            String field =
                    Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            collectAdditionalProperties(value, path + "." + field, out, seen);
        }
    }

    /** Structural comparison; numbers compare by value (YAML 100.0 and 100 are the same number). */
    static void diff(JsonNode expected, JsonNode actual, String path, List<String> out) {
        String at = path.isEmpty() ? "/" : path;
        if (expected == null || expected.isMissingNode() || expected.isNull()) {
            if (actual != null && !actual.isMissingNode() && !actual.isNull()) {
                out.add(at + " added: " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            out.add(at + " lost: " + expected);
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) != 0) {
                out.add(at + ": " + expected + " became " + actual);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(expected.get(name), actual.get(name), path + "/" + name, out);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at + ": " + expected.size() + " items became " + actual.size());
                return;
            }
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                diff(e, a.next(), path + "/" + i++, out);
            }
            return;
        }
        if (!expected.equals(actual)) {
            out.add(at + ": " + expected + " became " + actual);
        }
    }

    /** A copy of a tree, for edits in tests. */
    static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }

    static void assertSameTree(JsonNode expected, JsonNode actual, String what) {
        List<String> diffs = new ArrayList<>();
        diff(expected, actual, "", diffs);
        assertEquals(List.of(), diffs, what);
    }
}
