package io.iotjobbridge.vendor.aliyun;

import io.iotjobbridge.vendor.JobStatus;

/**
 * The documented {@code Data.Status} values of a data-download job, mapped to the engine's view. Public because a
 * pushed status carries the same values (see {@code push.AliyunPushMapping}).
 */
public final class DownloadJobStatus {

    static final int SUCCEEDED = 1;

    private DownloadJobStatus() {
    }

    public static JobStatus interpret(int status) {
        return switch (status) {
            case -1 -> new JobStatus.Running("-1 (initializing)", null);
            case 3 -> new JobStatus.Running("3 (submitted, waiting)", null);
            case 0 -> new JobStatus.Running("0 (running)", null);
            case SUCCEEDED -> new JobStatus.Succeeded("1 (succeeded)");
            case 2 -> new JobStatus.Failed("2 (failed)", "the vendor reports the download job failed (Status 2)");
            case 4 -> new JobStatus.Failed("4 (cancelled)", "the download job was cancelled (Status 4)");
            // an undocumented value must end the job rather than poll it for ever
            default -> new JobStatus.Failed(status + " (unknown)",
                    "the vendor reported an undocumented Status " + status);
        };
    }
}
