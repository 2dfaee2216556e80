/**
 * The workbook's own Jupyter kernel: Java cells evaluated by JShell in the kernel's JVM, with the
 * workbook jar on the class path, so a notebook can call the library, train a GAN and show its plots
 * without any set-up cell.
 *
 * <p>The design follows IJava: JShell evaluates, {@code org.dflib.jjava:jjava-jupyter} speaks the
 * Jupyter protocol. The pieces, each usable on its own:
 * <ul>
 *   <li>{@link org.ganworkbook.kernel.CellEvaluator} runs a cell (snippets, magics, the last
 *       expression's value) and stops it on interrupt; it knows nothing of ZMQ, so it is unit-tested
 *       directly;</li>
 *   <li>{@link org.ganworkbook.kernel.CellOutput} turns {@code System.out}/{@code System.err} and
 *       {@code display(...)} calls into an ordered stream of outputs while the cell runs;</li>
 *   <li>{@link org.ganworkbook.kernel.Notebook} is the API notebook code calls ({@code display},
 *       {@code updateDisplay}, {@code html}), with the names IJava and JJava use;</li>
 *   <li>{@link org.ganworkbook.kernel.WorkbookKernel} is the protocol layer and the entry point;
 *       {@link org.ganworkbook.kernel.KernelspecInstaller} writes its {@code kernel.json}.</li>
 * </ul>
 *
 * <p>Paper section served: none directly; the kernel is how every section's notebook runs (the
 * training of Section 5, the figures of Section 5 and Table 1 are produced in cells it evaluates).
 * Interrupting a cell stops training cleanly because the trainer polls {@link Thread#interrupted()}.
 */
package org.ganworkbook.kernel;
