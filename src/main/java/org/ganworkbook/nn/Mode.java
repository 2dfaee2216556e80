package org.ganworkbook.nn;

/** Forward-pass mode: {@link #TRAIN} applies dropout (new masks each pass), {@link #EVAL} does not. */
public enum Mode {
    TRAIN, EVAL
}
