package org.singanseg.studio.core.image;

/**
 * An image as float planes, channel by channel, row by row: plane c holds height x width values.
 * Plain Java data, safe to hand between threads and to the UI.
 */
public record Planes(int channels, int height, int width, float[][] data) {

    public static Planes zeros(int channels, int height, int width) {
        return new Planes(channels, height, width, new float[channels][height * width]);
    }

    public float get(int channel, int y, int x) {
        return data[channel][y * width + x];
    }

    public void set(int channel, int y, int x, float value) {
        data[channel][y * width + x] = value;
    }

    public float[] plane(int channel) {
        return data[channel];
    }
}
