/**
 * How the layers' arithmetic runs fast: oneDNN called directly, libnd4j's ops with reused
 * contexts, fused Java loops, reused buffers. The layers in core.nn say what is computed, this
 * package how; it knows nothing of the networks built from them (ArchitectureTest checks).
 */
package org.singanseg.studio.core.nn.compute;
