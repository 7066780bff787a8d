package org.roadcoder.data.sim;

import java.util.List;

/**
 * The attributes the simulated world knows, each with the default schema's group name and
 * category names in the schema's order, and which categories the iRAP rule calls riskier.
 * The world model works with category indices into {@link #categories}; {@link SchemaBinding}
 * maps them onto whatever schema the survey is written for.
 */
enum Attribute {
    AREA_TYPE("area_type", Block.AREA, new int[] {0, 1}, "rural", "urban"),
    CURVATURE("curvature", Block.CURVE, new int[] {0, 1, 2}, "straight_or_gently_curving", "moderate", "sharp"),
    BICYCLE("bicycle_facilities", Block.CROSS_SECTION, new int[] {2, 1, 0}, "none", "on_road_lane", "off_road_path"),
    LANE_WIDTH("lane_width", Block.CROSS_SECTION, new int[] {0, 1, 2}, "wide", "medium", "narrow"),
    MEDIAN("median_type", Block.CROSS_SECTION, new int[] {9, 8, 7, 1, 0, 2, 6, 5, 3, 4},
            "centre_line", "wide_centre_line", "central_hatching", "metal_safety_barrier",
            "concrete_safety_barrier", "wire_rope_safety_barrier", "flexible_posts", "physical_median_narrow",
            "physical_median_wide", "continuous_central_turning_lane"),
    LANES("number_of_lanes", Block.CROSS_SECTION, new int[] {2, 1, 0}, "one", "two", "three_or_more"),
    LIGHTING("street_lighting", Block.AREA, new int[] {1, 0}, "absent", "present"),
    SIDEWALK("sidewalk", Block.AREA, new int[] {1, 0}, "absent", "present"),
    TREES("roadside_trees", Block.TREES, new int[] {0, 1}, "absent", "present"),
    CROSSING("pedestrian_crossing", Block.POINT, new int[] {0, 1}, "absent", "present"),
    JUNCTION("intersection", Block.POINT, new int[] {0, 1}, "absent", "present");

    /** Attributes that change together at one place along the road (a new cross-section, a town edge). */
    enum Block { AREA, CURVE, CROSS_SECTION, TREES, POINT }

    static final int COUNT = values().length;

    // Category indices the world model and the renderer refer to by name.
    static final int RURAL = 0, URBAN = 1;
    static final int STRAIGHT = 0, MODERATE = 1, SHARP = 2;
    static final int BIKE_NONE = 0, BIKE_LANE = 1, BIKE_PATH = 2;
    static final int WIDE = 0, MEDIUM = 1, NARROW = 2;
    static final int CENTRE_LINE = 0, WIDE_CENTRE_LINE = 1, HATCHING = 2, METAL_BARRIER = 3, CONCRETE_BARRIER = 4,
            WIRE_ROPE = 5, FLEXIBLE_POSTS = 6, MEDIAN_NARROW = 7, MEDIAN_WIDE = 8, TURNING_LANE = 9;
    static final int ONE_LANE = 0, TWO_LANES = 1, THREE_LANES = 2;
    static final int ABSENT = 0, PRESENT = 1;

    final String group;
    final Block block;
    private final int[] risk;
    final List<String> categories;

    Attribute(String group, Block block, int[] risk, String... categories) {
        this.group = group;
        this.block = block;
        this.risk = risk;
        this.categories = List.of(categories);
    }

    int size() {
        return categories.size();
    }

    /** Risk rank of a category (higher is riskier): what a coder records when two values cover a segment equally. */
    int risk(int category) {
        return risk[category];
    }

    /** Point objects are seen only near them and coded for the whole segment when seen at all. */
    boolean isPoint() {
        return block == Block.POINT;
    }
}
