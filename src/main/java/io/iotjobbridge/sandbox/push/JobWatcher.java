package io.iotjobbridge.sandbox.push;

/** Where the sandbox's job registries report new jobs whose status changes are to be pushed. */
public interface JobWatcher {

    /** For a sandbox that pushes nothing. */
    JobWatcher NONE = new JobWatcher() {
        @Override
        public <S> void watch(Watch<S> job) {
            // push is off: nobody is told anything, subscribers poll
        }
    };

    /** Announces each later change of the job's status, until it is final. What it reports now is not news. */
    <S> void watch(Watch<S> job);
}
