package org.roadcoder.data.schema;

import java.util.List;

/**
 * One category of a label group.
 *
 * @param name        the name used in CSVs and reports, e.g. {@code centre_line}
 * @param irapCodes   the iRAP coding-manual codes that mean this category (may be empty)
 * @param description free text for reports, may be empty
 */
public record Category(String name, List<Integer> irapCodes, String description) {

    public Category {
        irapCodes = List.copyOf(irapCodes);
        description = description == null ? "" : description;
    }

    /** The code written for this category in coder-format output: its first iRAP code, or empty. */
    public String primaryCode() {
        return irapCodes.isEmpty() ? "" : String.valueOf(irapCodes.get(0));
    }
}
