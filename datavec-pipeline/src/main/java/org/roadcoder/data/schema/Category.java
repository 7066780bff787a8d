package org.roadcoder.data.schema;

import java.util.List;
import java.util.Optional;

/**
 * One category of a label group.
 *
 * @param name        the name used in CSVs and reports, e.g. {@code centre_line}
 * @param irapCodes   the iRAP coding-manual codes that mean this category (may be empty)
 * @param description free text for reports, may be empty
 * @param export      the one iRAP code this category is exported as ({@code export:} in the schema), or
 *                    {@code null}: then its only code, if it has exactly one
 */
public record Category(String name, List<Integer> irapCodes, String description, Integer export) {

    public Category {
        irapCodes = List.copyOf(irapCodes);
        description = description == null ? "" : description;
        if (export != null && !irapCodes.contains(export)) {
            throw new IllegalArgumentException("export code " + export + " of " + name + " is not one of its codes "
                    + irapCodes);
        }
    }

    public Category(String name, List<Integer> irapCodes, String description) {
        this(name, irapCodes, description, null);
    }

    /**
     * The code an iRAP upload gets for this category: the schema's {@code export:} code, else its only code;
     * empty when it has no code, or several and the schema does not say which.
     */
    public Optional<Integer> exportCode() {
        if (export != null) {
            return Optional.of(export);
        }
        return irapCodes.size() == 1 ? Optional.of(irapCodes.get(0)) : Optional.empty();
    }

    /** The code written for this category in coder-format output: its first iRAP code, or empty. */
    public String primaryCode() {
        return irapCodes.isEmpty() ? "" : String.valueOf(irapCodes.get(0));
    }
}
