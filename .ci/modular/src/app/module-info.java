/**
 * A user's modular application: reads jdatagen's api module (and through it the spi module), plus
 * java.desktop for the JPEG it writes with javax.imageio.
 */
module app {
    requires io.jdatagen.api;
    requires java.desktop;
}
