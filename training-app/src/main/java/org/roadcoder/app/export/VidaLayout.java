package org.roadcoder.app.export;

import java.util.List;
import java.util.Map;

/**
 * The columns of iRAP's ViDA upload file, in order, and which label group fills which attribute column.
 * The leading columns locate the segment; every attribute column that no group fills stays empty.
 * The list follows the iRAP coding manual's attribute order; check it against the upload template of
 * the ViDA project before a first upload.
 */
public final class VidaLayout {

    public static final String CODER = "Coder name";
    public static final String CODING_DATE = "Coding date";
    public static final String SURVEY_DATE = "Road survey date";
    public static final String IMAGE = "Image reference";
    public static final String ROAD = "Road name";
    public static final String DISTANCE = "Distance";
    public static final String LENGTH = "Length";
    public static final String LATITUDE = "Latitude";
    public static final String LONGITUDE = "Longitude";

    public static final List<String> COLUMNS = List.of(CODER, CODING_DATE, SURVEY_DATE, IMAGE, ROAD, "Section",
            DISTANCE, LENGTH, LATITUDE, LONGITUDE, "Landmark", "Comments", "Carriageway", "Upgrade cost",
            "Motorcycle observed flow", "Bicycle observed flow", "Pedestrian observed flow across the road",
            "Pedestrian observed flow along the road driver-side", "Pedestrian observed flow along the road passenger-side",
            "Land use - driver-side", "Land use - passenger-side", "Area type", "Speed limit", "Motorcycle speed limit",
            "Truck speed limit", "Differential speed limits", "Median type", "Centreline rumble strips",
            "Roadside severity - driver-side distance", "Roadside severity - driver-side object",
            "Roadside severity - passenger-side distance", "Roadside severity - passenger-side object",
            "Shoulder rumble strips", "Paved shoulder - driver-side", "Paved shoulder - passenger-side",
            "Intersection type", "Intersection channelisation", "Intersecting road volume", "Intersection quality",
            "Property access points", "Number of lanes", "Lane width", "Curvature", "Quality of curve", "Grade",
            "Road condition", "Skid resistance / grip", "Delineation", "Street lighting",
            "Pedestrian crossing facilities - inspected road", "Pedestrian crossing quality",
            "Pedestrian crossing facilities - intersecting road", "Pedestrian fencing",
            "Speed management / traffic calming", "Vehicle parking", "Sidewalk - driver-side",
            "Sidewalk - passenger-side", "Service road", "Facilities for motorised two wheelers",
            "Facilities for bicycles", "Roadworks", "Sight distance");

    /**
     * Label group to ViDA column. Groups whose schema categories carry no iRAP code (sidewalk on either side,
     * roadside trees, point-object flags) have no ViDA code to give and are not listed: iRAP codes those as
     * sided or typed attributes (sidewalk per side, roadside object and distance, crossing type, junction type)
     * that a present/absent flag cannot fill.
     */
    public static final Map<String, String> GROUP_COLUMNS = Map.of("area_type", "Area type", "median_type",
            "Median type", "number_of_lanes", "Number of lanes", "lane_width", "Lane width", "curvature", "Curvature",
            "street_lighting", "Street lighting", "bicycle_facilities", "Facilities for bicycles");

    private VidaLayout() {
    }
}
