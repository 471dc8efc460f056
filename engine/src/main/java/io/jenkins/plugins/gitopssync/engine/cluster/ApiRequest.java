package io.jenkins.plugins.gitopssync.engine.cluster;

/**
 * One request: method, address, body and the type it accepts; which call it is (for errors); and whether it
 * writes: every write but a dry run passes the lease's fence.
 */
record ApiRequest(String method, String uri, String contentType, String body, ApiException.Call call,
                  String accept, boolean writes) {

    static ApiRequest read(String uri, ApiException.Call call) {
        return new ApiRequest("GET", uri, null, null, call, KubeApi.JSON_TYPE, false);
    }

    static ApiRequest write(String method, String uri, String contentType, String body, ApiException.Call call) {
        return new ApiRequest(method, uri, contentType, body, call, KubeApi.JSON_TYPE, true);
    }

    /** The same request as a dry run: the server writes nothing, so the fence is not asked. */
    ApiRequest dryRun() {
        return new ApiRequest(method, uri, contentType, body, call, accept, false);
    }

    ApiRequest accepting(String type) {
        return new ApiRequest(method, uri, contentType, body, call, type, writes);
    }
}

