package org.roadcoder.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.roadcoder.data.DataException;

/**
 * Reads a run configuration: {@link RunConfig#defaults()}, overridden by a YAML file, overridden by
 * {@code key=value} flags. Unknown keys and bad values are {@link DataException}s naming the file and key.
 */
public final class ConfigLoader {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /**
     * @param file      a YAML file, or null for the defaults alone
     * @param overrides {@code section.key=value}, value in YAML syntax, applied in order
     */
    public static RunConfig load(Path file, List<String> overrides) {
        ObjectNode tree = YAML.valueToTree(RunConfig.defaults());
        Path where = file;
        if (file != null) {
            merge(tree, readTree(file), "", file);
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new DataException(null, "--set " + o + ": expected KEY=VALUE, e.g. training.epochs=3");
            }
            String key = o.substring(0, eq).trim();
            ObjectNode patch = YAML.createObjectNode();
            ObjectNode at = patch;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.putObject(parts[i]);
            }
            at.set(parts[parts.length - 1], scalar(o.substring(eq + 1)));
            where = null;
            merge(tree, patch, "", null);
        }
        return toConfig(tree, file != null && overrides.isEmpty() ? file : where);
    }

    /** Writes the resolved configuration as YAML; reading it back gives the same value. */
    public static String toYaml(RunConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration as YAML", e);
        }
    }

    private static JsonNode readTree(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new DataException(file, "a configuration file must be a mapping of sections (model, data, training)");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new DataException(file, "configuration file not found");
        } catch (JsonProcessingException e) {
            throw new DataException(file, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode scalar(String text) {
        try {
            JsonNode n = YAML.readTree(text.isBlank() ? "''" : text);
            return n == null ? YAML.getNodeFactory().textNode(text) : n;
        } catch (JsonProcessingException e) {
            return YAML.getNodeFactory().textNode(text);
        }
    }

    /** Copies {@code patch} into {@code base}; every key must already exist in the defaults. */
    private static void merge(ObjectNode base, JsonNode patch, String prefix, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode current = base.get(e.getKey());
            boolean openMap = prefix.equals("model.")
                    && (e.getKey().equals("pos_weight") || e.getKey().equals("class_weight"));
            if (current == null) {
                String known = iterable(base.fieldNames()).stream().map(k -> prefix + k).collect(Collectors.joining(", "));
                throw new DataException(file, "unknown key '" + key + "'; known here: " + known);
            }
            if (current.isObject() && !openMap) {
                if (!e.getValue().isObject()) {
                    throw new DataException(file, "key '" + key + "' is a section (" + known(current, key)
                            + "), not a value");
                }
                merge((ObjectNode) current, e.getValue(), key + ".", file);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static String known(JsonNode section, String key) {
        return iterable(section.fieldNames()).stream().map(k -> key + "." + k).collect(Collectors.joining(", "));
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static RunConfig toConfig(JsonNode tree, Path file) {
        try {
            return YAML.treeToValue(tree, RunConfig.class);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof ConfigException) {
                throw new DataException(file, root.getMessage());
            }
            String key = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).collect(Collectors.joining("."));
            throw new DataException(file, key + ": " + e.getOriginalMessage().replaceAll("\\s*\\(.*", ""));
        } catch (JsonProcessingException e) {
            throw new DataException(file, "cannot read the configuration: " + e.getOriginalMessage());
        }
    }
}
