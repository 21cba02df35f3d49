package io.iotjobbridge.config;

import java.net.URI;
import java.util.List;

/**
 * Credentials and endpoint of one Alibaba Cloud account profile ({@code bridge.accounts.<name>.aliyun.*}).
 *
 * @param downloadHosts host patterns ({@code *.aliyuncs.com}) that signed download URLs may point at over https
 */
public record AliyunAccount(String name, URI endpoint, String accessKeyId, Secret accessKeySecret, String regionId,
                            List<String> downloadHosts) {

    public AliyunAccount {
        downloadHosts = List.copyOf(downloadHosts);
    }

    @Override
    public String toString() {
        return "AliyunAccount[" + name + " @ " + endpoint.getHost() + "]";
    }
}
