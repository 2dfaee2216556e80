package org.ganworkbook.nn;

/**
 * What a backward pass does with parameter gradients.
 *
 * <ul>
 *   <li>{@link #SKIP}: leave them alone (e.g. the G-loss pass through D, which only needs dL/dx);</li>
 *   <li>{@link #SET}: overwrite them with this pass's gradient (no separate zeroing needed);</li>
 *   <li>{@link #ADD}: add this pass's gradient to what is there (several passes, one update).</li>
 * </ul>
 */
public enum ParamGrads {
    SKIP, SET, ADD
}
