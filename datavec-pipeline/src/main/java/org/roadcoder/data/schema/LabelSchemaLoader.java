package org.roadcoder.data.schema;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadcoder.data.DataException;

/** Reads {@code labels.yaml} into a {@link LabelSchema}, rejecting anything ambiguous. */
final class LabelSchemaLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LabelSchemaLoader() {
    }

    static LabelSchema load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file, "label schema file not found");
        } catch (JacksonException e) {
            throw new DataException(file, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new DataException(file, "cannot read label schema: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(file, "a label schema is a YAML mapping with 'name' and 'groups'");
        }
        JsonNode groupsNode = root.path("groups");
        if (!groupsNode.isArray() || groupsNode.isEmpty()) {
            throw new DataException(file, "'groups' must be a non-empty list of label groups");
        }
        List<LabelGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int offset = 0;
        for (int i = 0; i < groupsNode.size(); i++) {
            LabelGroup g = parseGroup(file, groupsNode.get(i), i, offset);
            if (!seen.add(g.name())) {
                throw new DataException(file, "group '" + g.name() + "' is defined twice");
            }
            groups.add(g);
            offset = g.end();
        }
        return new LabelSchema(root.path("name").asText(file.getFileName().toString()), file, groups);
    }

    private static LabelGroup parseGroup(Path file, JsonNode node, int index, int offset) {
        String name = text(node, "name");
        if (name.isEmpty()) {
            throw new DataException(file, "group #" + (index + 1) + " has no 'name'");
        }
        String where = "group '" + name + "'";
        String kindText = text(node, "kind");
        GroupKind kind = GroupKind.parse(kindText).orElseThrow(() -> new DataException(file,
                where + ": unknown kind '" + kindText + "' (expected 'flag' or 'exclusive')"));
        JsonNode cats = node.path("categories");
        if (!cats.isArray() || cats.isEmpty()) {
            throw new DataException(file, where + ": empty group, it needs a list of 'categories'");
        }
        List<Category> categories = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> codes = new HashMap<>();
        for (JsonNode c : cats) {
            Category category = parseCategory(file, where, c);
            if (!names.add(category.name())) {
                throw new DataException(file, where + ": duplicate category '" + category.name() + "'");
            }
            for (Integer code : category.irapCodes()) {
                String other = codes.putIfAbsent(code, category.name());
                if (other != null) {
                    throw new DataException(file, where + ": iRAP code " + code + " is given to both '"
                            + other + "' and '" + category.name() + "'");
                }
            }
            categories.add(category);
        }
        int positive = kind == GroupKind.FLAG ? flagPositive(file, where, node, categories) : -1;
        if (kind == GroupKind.EXCLUSIVE && categories.size() < 2) {
            throw new DataException(file, where + ": an exclusive group needs at least two categories");
        }
        return new LabelGroup(name, kind, categories, positive, offset, text(node, "description"));
    }

    private static int flagPositive(Path file, String where, JsonNode node, List<Category> categories) {
        if (categories.size() != 2) {
            throw new DataException(file, where + ": a flag has exactly two categories (absent and present), found "
                    + categories.size());
        }
        String positive = text(node, "positive");
        if (positive.isEmpty()) {
            return 1;
        }
        for (int k = 0; k < 2; k++) {
            if (categories.get(k).name().equals(positive)) {
                return k;
            }
        }
        throw new DataException(file, where + ": positive category '" + positive + "' is not one of its categories");
    }

    private static Category parseCategory(Path file, String where, JsonNode c) {
        String name = c.isValueNode() ? c.asText() : text(c, "name");
        if (name.isBlank() || !name.equals(name.trim()) || name.contains(",")) {
            throw new DataException(file, where + ": category name '" + name
                    + "' must be non-empty, without surrounding spaces or commas");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            throw new DataException(file, where + ": category name '" + name
                    + "' is a number and would be confused with an iRAP code");
        }
        List<Integer> codes = new ArrayList<>();
        JsonNode irap = c.path("irap");
        if (!irap.isMissingNode() && !irap.isNull()) {
            for (JsonNode code : irap.isArray() ? irap : List.of(irap)) {
                if (!code.canConvertToInt()) {
                    throw new DataException(file, where + ": category '" + name + "' has a non-integer iRAP code '"
                            + code.asText() + "'");
                }
                codes.add(code.asInt());
            }
        }
        JsonNode export = c.path("export");
        Integer exportCode = null;
        if (!export.isMissingNode() && !export.isNull()) {
            if (!export.canConvertToInt() || !codes.contains(export.asInt())) {
                throw new DataException(file, where + ": category '" + name + "' exports as '" + export.asText()
                        + "', which is not one of its iRAP codes " + codes);
            }
            exportCode = export.asInt();
        }
        return new Category(name, codes, text(c, "description"), exportCode);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }
}
