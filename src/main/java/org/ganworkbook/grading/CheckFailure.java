package org.ganworkbook.grading;

/**
 * A failed {@link Check} in an autograder-test cell. Its message says what was checked, what was
 * expected and what came back; the grader's feedback shows it as it is. An {@link AssertionError}, so
 * code that handles test failures generically treats it as one.
 */
public final class CheckFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message);
    }
}
