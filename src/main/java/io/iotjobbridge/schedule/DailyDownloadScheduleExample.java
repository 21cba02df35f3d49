package io.iotjobbridge.schedule;

import org.apache.camel.builder.RouteBuilder;

/**
 * The schedule of {@code samples/routes/schedule-aliyun-daily-download.camel.yaml} in Java DSL, for those who prefer
 * it. Not loaded by default; add it with
 * {@code camel.main.routes-builder-classes = io.iotjobbridge.schedule.DailyDownloadScheduleExample}.
 */
public final class DailyDownloadScheduleExample extends RouteBuilder {

    @Override
    public void configure() {
        templatedRoute(ScheduleRoutes.TEMPLATE).routeId("schedule-aliyun-daily-download")
                .parameter("name", "aliyun-daily-download")
                // every day at 00:30 in Shanghai, when the vendor's day is over
                .parameter("cron", "0 30 0 * * ?")
                .parameter("zone", "Asia/Shanghai")
                .parameter("request", "samples/schedules/aliyun-daily-download.yaml")
                .parameter("window", "yesterday")
                .parameter("missed", "latest");
    }
}
