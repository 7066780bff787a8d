package org.roadcoder.data.image;

/** Order of the three colour channels in a loaded image. */
public enum ChannelOrder {
    /** Red, green, blue: torchvision and most frameworks. */
    RGB,
    /** Blue, green, red: OpenCV's own order and what Caffe-trained VGG weights expect. */
    BGR
}
