package io.iotjobbridge.cli;

/**
 * The command line's exit codes, in one place so scripts can rely on them:
 *
 * <pre>
 * code  meaning
 *  0    done: the files are valid, the request was taken (or was known already), every job waited for is delivered
 *  1    a job waited for ended FAILED or CANCELLED, or the bridge answered something the contract does not name
 *  2    the command line is wrong (unknown command or option, missing argument) or a file cannot be read
 *  3    the request document breaks a rule (validate, or the bridge refused it with 422, 413 or 415)
 *  4    no bridge answers at the URL, the bridge refused the token, or it knows no job with the given id
 *  5    --timeout ran out while waiting for jobs
 * </pre>
 */
public enum ExitCode {

    OK(0),
    JOB_FAILED(1),
    USAGE(2),
    INVALID(3),
    UNAVAILABLE(4),
    TIMEOUT(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
