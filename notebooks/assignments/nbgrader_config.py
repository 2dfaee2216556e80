# nbgrader configuration for the GAN Workbook's Java assignments.
#
# This folder is laid out as an nbgrader course: source/<assignment>/<assignment>.ipynb holds the
# instructor's versions (solutions, hidden tests), and `nbgrader generate_assignment <assignment>` writes
# the student versions to release/<assignment>/ -- the same files `gan-workbook grade release` writes.
# Run nbgrader from this folder (it reads this file from the current directory):
#
#     cd notebooks/assignments
#     nbgrader generate_assignment a1-value-function --force
#     nbgrader autograde a1-value-function          # after collecting submissions into submitted/
#
# The notebooks run on the "gan-workbook" kernel (installed by ./environment/setup.sh); the kernel
# puts the workbook's jar on the class path, which the tests need (org.ganworkbook.grading.Check).
c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.root = "."
c.CourseDirectory.course_id = "gan-workbook"

# nbgrader's own Java stub is only "// YOUR CODE HERE": an unanswered method would then not compile or,
# worse, an unanswered statement block would pass silently. This stub throws, so every test of an
# unanswered exercise fails with a clear message. Setting the dict replaces nbgrader's whole default,
# so the Python stub is listed too. Keep the Java entry identical to Markers.CODE_STUB in
# src/main/java/org/ganworkbook/grading/Markers.java (a test checks that).
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\n'
            'throw new UnsupportedOperationException("Not implemented yet: write your solution here");',
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
# What replaces the model answer of a written (markdown) answer; identical to Markers.TEXT_STUB.
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (replace this line with your answer)"

# Every cell of these assignments finishes in a few seconds; 30 s is nbgrader's default, kept explicit.
c.Execute.timeout = 30
