package io.iotjobbridge.sandbox;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;

/** A classic core SDK (V1) {@code CommonRequest} for an IoT Platform action, addressed to a running sandbox. */
final class CoreSdkRequests {

    private CoreSdkRequests() {
    }

    static CommonRequest to(VendorSandbox sandbox, MethodType method, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysDomain("127.0.0.1:" + sandbox.baseUrl().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2018-01-20");
        request.setSysAction(action);
        request.setSysMethod(method);
        return request;
    }
}
