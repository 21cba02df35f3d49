package io.iotjobbridge.sandbox.huawei;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IoTDA v5 operations the sandbox serves, each declared once as data: its SDK action name, HTTP method and the
 * path below {@code /v5/iot/{project_id}/} (as the SDK's {@code IoTDAMeta} declares them). {@code {id}} stands for one
 * path segment naming a resource.
 */
enum IotdaOperation {
    LIST_BATCH_TASKS("ListBatchTasks", "GET", "batchtasks"),
    CREATE_BATCH_TASK("CreateBatchTask", "POST", "batchtasks"),
    SHOW_BATCH_TASK("ShowBatchTask", "GET", "batchtasks/{id}"),
    CREATE_EXPORT_TASK("CreateExportTask", "POST", "export-tasks"),
    LIST_EXPORT_TASKS("ListExportTasks", "GET", "export-tasks"),
    // the SDK names the file download "ShowExportTask"; there is no JSON view of a single export task
    SHOW_EXPORT_TASK("ShowExportTask", "GET", "export-tasks/{id}/file");

    static final String PATH_PREFIX = "/v5/iot/";
    private static final String ID = "{id}";

    private final String action;
    private final String method;
    private final List<String> template;

    IotdaOperation(String action, String method, String template) {
        this.action = action;
        this.method = method;
        this.template = List.of(template.split("/"));
    }

    String action() {
        return action;
    }

    /** The operation this method and decoded path name, with the path's project and resource id. */
    static Optional<Route> route(String method, String path) {
        if (!path.startsWith(PATH_PREFIX)) {
            return Optional.empty();
        }
        List<String> segments = List.of(path.substring(PATH_PREFIX.length()).split("/", -1));
        if (segments.size() < 2 || segments.get(0).isEmpty()) {
            return Optional.empty();
        }
        List<String> rest = segments.subList(1, segments.size());
        return Arrays.stream(values())
                .filter(op -> op.method.equals(method))
                .flatMap(op -> op.match(rest).map(id -> new Route(op, segments.get(0), id)).stream())
                .findFirst();
    }

    /** The resource id the segments carry ("" when the template has none), or empty when they do not fit. */
    private Optional<String> match(List<String> segments) {
        if (segments.size() != template.size()) {
            return Optional.empty();
        }
        String id = "";
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = segments.get(i);
            if (ID.equals(expected) && !actual.isEmpty()) {
                id = actual;
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    /** A request matched to its operation. */
    record Route(IotdaOperation operation, String projectId, String resourceId) {
    }
}
