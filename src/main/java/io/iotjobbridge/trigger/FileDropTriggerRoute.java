package io.iotjobbridge.trigger;

import org.apache.camel.builder.RouteBuilder;

/**
 * The file drop trigger in Java DSL, the same route as {@code routes/trigger-file-drop.camel.yaml}, for users who
 * prefer Java. Not loaded by default; to run it instead of the YAML one, start the bridge with
 * {@code -Dcamel.main.routes-builder-classes=io.iotjobbridge.trigger.FileDropTriggerRoute} and leave the packaged
 * YAML trigger out (exclude pattern {@code **}{@code /trigger-file-drop.camel.yaml}, README "Triggers").
 * Every option is explained in the YAML route.
 */
public final class FileDropTriggerRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{bridge.inbox.dir}}"
                + "?includeExt=json,yaml,yml,jsonl,ndjson"
                + "&readLock=idempotent-changed"
                + "&idempotentRepository=#" + InboxClaims.BEAN_NAME
                + "&idempotentKey=${file:name}-${file:size}-${file:modified}"
                + "&idempotentEager=false"
                + "&readLockRemoveOnCommit=true"
                + "&readLockRemoveOnRollback=true"
                + "&readLockIdempotentReleaseDelay={{bridge.inbox.claim-release-delay-ms}}"
                + "&readLockIdempotentReleaseAsync=true"
                + "&readLockCheckInterval={{bridge.inbox.read-lock-check-ms}}"
                + "&readLockMinAge={{bridge.inbox.read-lock-min-age-ms}}"
                + "&readLockMinLength=0"
                + "&delay={{bridge.inbox.poll-ms}}"
                + "&move=${exchangeProperty.inboxArchive}")
                .routeId("trigger-file-drop")
                .routeConfigurationId("triggerErrors")
                .to("direct:job-submit")
                .to("direct:inbox-settle");
    }
}
