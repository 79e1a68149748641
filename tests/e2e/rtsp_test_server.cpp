// A test RTSP/RTSPS server built on GStreamer's RTSP server library: serves one H.264 MP4
// file, demuxed and re-payloaded without re-encoding, looping forever with continuous
// timestamps (one shared media; see Looper). Test fixture only, never shipped;
// tests drive it through tests/e2e/rtsp_fixture.h.
//
//   vigie_rtsp_test_server clip.mp4 [--port N] [--path /test] [--auth user:password]
//       [--tls cert.pem key.pem] [--multicast FIRST-LAST] [--bind ADDRESS]
//
// --port 0 picks a free port. Once it accepts connections it prints one line
// "READY rtsp[s]://HOST:PORT/PATH" on stdout, then runs until SIGTERM or SIGINT. Bad usage
// or a failed start: a message on stderr and exit code 2.
// Thread: the GLib main loop, plus GStreamer's streaming threads (see onParsedData).
#include <gst/gst.h>
#include <gst/rtsp-server/rtsp-server.h>

#include <glib-unix.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <string>

namespace {

struct Options {
    std::string file;
    std::string port = "8554";
    std::string path = "/test";
    std::string auth;  // user:password
    std::string certFile;
    std::string keyFile;
    std::string multicastRange;  // FIRST-LAST
    std::string bindAddress;
};

int usage(const std::string& why) {
    std::fprintf(stderr,
                 "vigie_rtsp_test_server: %s\nusage: vigie_rtsp_test_server FILE.mp4 [--port N] "
                 "[--path /test] [--auth user:password] [--tls cert.pem key.pem] "
                 "[--multicast FIRST-LAST] [--bind ADDRESS]\n",
                 why.c_str());
    return 2;
}

bool parseArgs(int argc, char** argv, Options& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        bool ok = true;
        if (a == "--port") {
            ok = value(o.port);
        } else if (a == "--path") {
            ok = value(o.path);
        } else if (a == "--auth") {
            ok = value(o.auth);
        } else if (a == "--tls") {
            ok = value(o.certFile) && value(o.keyFile);
        } else if (a == "--multicast") {
            ok = value(o.multicastRange);
        } else if (a == "--bind") {
            ok = value(o.bindAddress);
        } else if (a.rfind("--", 0) == 0 || !o.file.empty()) {
            error = "unexpected argument " + a;
            return false;
        } else {
            o.file = a;
        }
        if (!ok) {
            return false;
        }
    }
    if (o.file.empty() || !g_file_test(o.file.c_str(), G_FILE_TEST_IS_REGULAR)) {
        error = o.file.empty() ? "no input file" : "file not found: " + o.file;
        return false;
    }
    if (o.path.empty() || o.path[0] != '/') {
        o.path = "/" + o.path;
    }
    if (!o.auth.empty() && o.auth.find(':') == std::string::npos) {
        error = "--auth expects user:password";
        return false;
    }
    return true;
}

// Loops the file with continuous timestamps, as a camera would: at the end of the file,
// the demuxer seeks back to 0 and the pictures of the next pass are shifted by the length of
// the passes before. The payloader and the sinks see neither the end nor the seek (its
// flush and segment events are dropped), so RTP timestamps and sequence numbers run on.
// Any other seek would pass and restart the count, but there is none: the media answers
// that it is not seekable, so a client's PLAY with a range does not seek it.
struct Looper {
    GstElement* demux = nullptr;  // owned
    GstSegment segment;           // the open-ended segment downstream elements see
    GstClockTime offsetNs = 0;    // added to the pictures of the current pass
    GstClockTime endNs = 0;       // end of the last picture seen, shifted
    bool seeking = false;         // between our seek and the first picture after it
};

void freeLooper(gpointer data) {
    auto* looper = static_cast<Looper*>(data);
    gst_object_unref(looper->demux);
    delete looper;
}

gboolean seekToStart(gpointer data) {
    // Seeking the demuxer rather than the pipeline: the pipeline's clock keeps running.
    if (!gst_element_seek_simple(static_cast<GstElement*>(data), GST_FORMAT_TIME,
                                 GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT), 0)) {
        std::fprintf(stderr, "vigie_rtsp_test_server: cannot loop back to the start\n");
    }
    return G_SOURCE_REMOVE;
}

// Data and events: on the demuxer's streaming thread, the only one that touches the Looper;
// the seek is done from the main loop (seeking from a streaming thread would deadlock).
// Queries: on the thread asking, without touching the Looper.
GstPadProbeReturn onParsedData(GstPad* /*pad*/, GstPadProbeInfo* info, gpointer data) {
    auto* looper = static_cast<Looper*>(data);
    if ((GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_QUERY_UPSTREAM) != 0) {
        // Not seekable, like a camera: otherwise each new client's PLAY (Range: npt=0-)
        // would seek the shared media back to 0 under the clients already playing it.
        GstQuery* query = GST_PAD_PROBE_INFO_QUERY(info);
        if (GST_QUERY_TYPE(query) != GST_QUERY_SEEKING) {
            return GST_PAD_PROBE_OK;
        }
        gst_query_set_seeking(query, GST_FORMAT_TIME, FALSE, 0, -1);
        return GST_PAD_PROBE_HANDLED;
    }
    if ((GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_BUFFER) != 0) {
        GstBuffer* buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
        looper->seeking = false;
        if (GST_BUFFER_PTS_IS_VALID(buffer)) {
            GST_BUFFER_PTS(buffer) += looper->offsetNs;
            const GstClockTime durationNs = GST_BUFFER_DURATION_IS_VALID(buffer)
                                                ? GST_BUFFER_DURATION(buffer)
                                                : 40 * GST_MSECOND;
            looper->endNs = std::max(looper->endNs, GST_BUFFER_PTS(buffer) + durationNs);
        }
        if (GST_BUFFER_DTS_IS_VALID(buffer)) {
            GST_BUFFER_DTS(buffer) += looper->offsetNs;
        }
        GST_PAD_PROBE_INFO_DATA(info) = buffer;
        return GST_PAD_PROBE_OK;
    }
    switch (GST_EVENT_TYPE(GST_PAD_PROBE_INFO_EVENT(info))) {
        case GST_EVENT_EOS:
            looper->seeking = true;
            looper->offsetNs = looper->endNs;
            g_idle_add_full(G_PRIORITY_DEFAULT, seekToStart, gst_object_ref(looper->demux),
                            gst_object_unref);
            return GST_PAD_PROBE_DROP;
        case GST_EVENT_FLUSH_START:
            return looper->seeking ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
        case GST_EVENT_FLUSH_STOP:
            if (looper->seeking) {
                return GST_PAD_PROBE_DROP;
            }
            looper->offsetNs = 0;  // someone else's seek: timestamps start again
            looper->endNs = 0;
            return GST_PAD_PROBE_OK;
        case GST_EVENT_SEGMENT: {
            // Replaced rather than dropped: a dropped sticky event would be sent again.
            GstEvent* event = GST_PAD_PROBE_INFO_EVENT(info);
            if (!looper->seeking) {
                gst_event_copy_segment(event, &looper->segment);
                looper->segment.stop = GST_CLOCK_TIME_NONE;  // later passes go beyond it
            }
            GstEvent* replacement = gst_event_new_segment(&looper->segment);
            gst_event_set_seqnum(replacement, gst_event_get_seqnum(event));
            gst_event_unref(event);
            GST_PAD_PROBE_INFO_DATA(info) = replacement;
            return GST_PAD_PROBE_OK;
        }
        default:
            return GST_PAD_PROBE_OK;
    }
}

void onMediaConfigure(GstRTSPMediaFactory* /*factory*/, GstRTSPMedia* media, gpointer /*data*/) {
    GstElement* element = gst_rtsp_media_get_element(media);
    GstElement* demux = gst_bin_get_by_name(GST_BIN(element), "demux");
    GstElement* parse = gst_bin_get_by_name(GST_BIN(element), "parse");
    if (demux != nullptr && parse != nullptr) {
        // On the parser's output rather than the payloader's input: a flush that reached the
        // payloader's pad would clear its segment there.
        GstPad* src = gst_element_get_static_pad(parse, "src");
        auto* looper = new Looper;
        gst_segment_init(&looper->segment, GST_FORMAT_TIME);
        looper->demux = GST_ELEMENT(gst_object_ref(demux));
        gst_pad_add_probe(
            src,
            GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM |
                            GST_PAD_PROBE_TYPE_EVENT_FLUSH | GST_PAD_PROBE_TYPE_QUERY_UPSTREAM),
            onParsedData, looper, freeLooper);
        gst_object_unref(src);
    }
    if (demux != nullptr) {
        gst_object_unref(demux);
    }
    if (parse != nullptr) {
        gst_object_unref(parse);
    }
    gst_object_unref(element);
}

gboolean quit(gpointer loop) {
    g_main_loop_quit(static_cast<GMainLoop*>(loop));
    return G_SOURCE_CONTINUE;
}

}  // namespace

int main(int argc, char** argv) {
    gst_init(&argc, &argv);
    Options o;
    std::string error;
    if (!parseArgs(argc, argv, o, error)) {
        return usage(error);
    }

    GstRTSPServer* server = gst_rtsp_server_new();
    gst_rtsp_server_set_service(server, o.port.c_str());
    if (!o.bindAddress.empty()) {
        gst_rtsp_server_set_address(server, o.bindAddress.c_str());
    }

    GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
    gchar* location = g_strescape(o.file.c_str(), nullptr);
    const std::string launch =
        std::string("( filesrc location=\"") + location +
        "\" ! qtdemux name=demux ! h264parse name=parse config-interval=-1 ! "
        "rtph264pay name=pay0 pt=96 )";
    g_free(location);
    gst_rtsp_media_factory_set_launch(factory, launch.c_str());
    gst_rtsp_media_factory_set_shared(factory, TRUE);
    g_signal_connect(factory, "media-configure", G_CALLBACK(onMediaConfigure), nullptr);

    if (!o.multicastRange.empty()) {
        const auto dash = o.multicastRange.find('-');
        const std::string first = o.multicastRange.substr(0, dash);
        const std::string last =
            dash == std::string::npos ? first : o.multicastRange.substr(dash + 1);
        GstRTSPAddressPool* pool = gst_rtsp_address_pool_new();
        if (!gst_rtsp_address_pool_add_range(pool, first.c_str(), last.c_str(), 5000, 5010, 1)) {
            return usage("invalid multicast range " + o.multicastRange);
        }
        gst_rtsp_media_factory_set_address_pool(factory, pool);
        gst_rtsp_media_factory_set_protocols(factory, GST_RTSP_LOWER_TRANS_UDP_MCAST);
        g_object_unref(pool);
    }

    // Without --auth anyone may play; with it, only that user (others get 401).
    const bool secure = !o.certFile.empty();
    if (!o.auth.empty() || secure) {
        GstRTSPAuth* auth = gst_rtsp_auth_new();
        const char* role = o.auth.empty() ? "anonymous" : "user";
        gst_rtsp_media_factory_add_role(factory, role, GST_RTSP_PERM_MEDIA_FACTORY_ACCESS,
                                        G_TYPE_BOOLEAN, TRUE, GST_RTSP_PERM_MEDIA_FACTORY_CONSTRUCT,
                                        G_TYPE_BOOLEAN, TRUE, nullptr);
        GstRTSPToken* token =
            gst_rtsp_token_new(GST_RTSP_TOKEN_MEDIA_FACTORY_ROLE, G_TYPE_STRING, role, nullptr);
        if (o.auth.empty()) {
            gst_rtsp_auth_set_default_token(auth, token);
        } else {
            const auto colon = o.auth.find(':');
            gchar* basic = gst_rtsp_auth_make_basic(o.auth.substr(0, colon).c_str(),
                                                    o.auth.substr(colon + 1).c_str());
            gst_rtsp_auth_add_basic(auth, basic, token);
            g_free(basic);
        }
        gst_rtsp_token_unref(token);
        if (secure) {
            GError* tlsError = nullptr;
            GTlsCertificate* cert =
                g_tls_certificate_new_from_files(o.certFile.c_str(), o.keyFile.c_str(), &tlsError);
            if (cert == nullptr) {
                const std::string why = std::string("cannot load the certificate: ") +
                                        (tlsError != nullptr ? tlsError->message : "?");
                g_clear_error(&tlsError);
                return usage(why);
            }
            gst_rtsp_auth_set_tls_certificate(auth, cert);
            g_object_unref(cert);
        }
        gst_rtsp_server_set_auth(server, auth);
        g_object_unref(auth);
    }

    GstRTSPMountPoints* mounts = gst_rtsp_server_get_mount_points(server);
    gst_rtsp_mount_points_add_factory(mounts, o.path.c_str(), factory);  // takes the factory
    g_object_unref(mounts);

    GError* attachError = nullptr;
    GSource* source = gst_rtsp_server_create_source(server, nullptr, &attachError);
    if (source == nullptr) {
        const std::string why = std::string("cannot listen on port ") + o.port + ": " +
                                (attachError != nullptr ? attachError->message : "?");
        g_clear_error(&attachError);
        std::fprintf(stderr, "vigie_rtsp_test_server: %s\n", why.c_str());
        return 2;
    }
    g_source_attach(source, nullptr);
    g_source_unref(source);

    GMainLoop* loop = g_main_loop_new(nullptr, FALSE);
    g_unix_signal_add(SIGTERM, quit, loop);
    g_unix_signal_add(SIGINT, quit, loop);

    const std::string host = o.bindAddress.empty() || o.bindAddress == "0.0.0.0"
                                 ? std::string("127.0.0.1")
                                 : o.bindAddress;
    std::printf("READY %s://%s:%d%s\n", secure ? "rtsps" : "rtsp", host.c_str(),
                gst_rtsp_server_get_bound_port(server), o.path.c_str());
    std::fflush(stdout);

    g_main_loop_run(loop);
    g_main_loop_unref(loop);
    g_object_unref(server);
    return 0;
}
