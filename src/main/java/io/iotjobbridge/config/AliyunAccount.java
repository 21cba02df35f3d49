package io.iotjobbridge.config;

import java.net.URI;
import java.util.List;

import io.iotjobbridge.vendor.aliyun.AliyunOperations;

/**
 * Credentials and endpoint of one Alibaba Cloud account profile ({@code bridge.accounts.<name>.aliyun.*}).
 *
 * @param downloadHosts      host patterns ({@code *.aliyuncs.com}) that signed download URLs may point at over https
 * @param downloadDailyLimit data downloads the account may start per vendor day (the vendor allows 3); a setting so
 *                           that a sandbox with another limit can be matched
 */
public record AliyunAccount(String name, URI endpoint, String accessKeyId, Secret accessKeySecret, String regionId,
                            List<String> downloadHosts, int downloadDailyLimit) {

    public AliyunAccount {
        downloadHosts = List.copyOf(downloadHosts);
        if (downloadDailyLimit < 1) {
            throw new IllegalArgumentException("downloadDailyLimit must be at least 1: " + downloadDailyLimit);
        }
    }

    /** An account with the documented daily download limit. */
    public AliyunAccount(String name, URI endpoint, String accessKeyId, Secret accessKeySecret, String regionId,
                         List<String> downloadHosts) {
        this(name, endpoint, accessKeyId, accessKeySecret, regionId, downloadHosts, AliyunOperations.DOWNLOADS_PER_DAY);
    }

    @Override
    public String toString() {
        return "AliyunAccount[" + name + " @ " + endpoint.getHost() + "]";
    }
}
