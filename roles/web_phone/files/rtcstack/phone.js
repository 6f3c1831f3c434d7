// rtcstack web phone: registers over the SIP proxy's secure WebSocket with SIP.js 0.21 and calls
// with WebRTC. Everything it knows comes from config.js (JSCommunicator's JSCommSettings) and, for
// click-to-call visitors (?guest), from guest.js.
//
// For tests and integrations the phone is window.rtcPhone: its state (status, callStatus,
// lastFinalResponse, servers, server, connectionAttempts, reconnectWaits), its actions (login, call,
// answer, hangup, logout) and the current RTCPeerConnection (peerConnection).
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  UserAgentState,
} from "./vendor/sip.js/lib/index.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
const settings = window.JSCommSettings;

const phone = {
  mode: params.has("guest") ? "guest" : "staff",
  status: "disconnected",
  callStatus: "idle",
  // The final response of the last call attempt: {code, reason}.
  lastFinalResponse: null,
  // The proxies' WebSockets in the order this page tries them (websocketServers()), and the one of the
  // current or last connection attempt.
  servers: [],
  server: null,
  // When each WebSocket connection attempt started (ms since the epoch).
  connectionAttempts: [],
  // The server of each attempt, in the same order.
  connectionServers: [],
  // Each wait before a reconnection: when the attempt failed (ms since the epoch) and the seconds
  // waited from then.
  reconnectWaits: [],
  iceServers: [],
  iceTransportPolicy: "all",
  identity: null,
  userAgent: null,
  registerer: null,
  session: null,
  get peerConnection() {
    const handler = this.session && this.session.sessionDescriptionHandler;
    return (handler && handler.peerConnection) || null;
  },
  login,
  logout,
  call,
  answer,
  hangup,
};
window.rtcPhone = phone;

// Sessions ended from this side: their 487 or BYE is not a failure.
const hungUp = new WeakSet();
let reconnectTimer = null;
let nextDelay = 0;
let running = false;
// The index in phone.servers of the current attempt's server, and how many servers were tried since
// the last connection that succeeded or the last wait.
let serverIndex = 0;
let triedInRound = 0;

function showError(text) {
  $("error").textContent = text || "";
}

function setStatus(status) {
  phone.status = status;
  $("status").textContent = status;
  $("status").dataset.state = status;
  document.body.dataset.status = status;
}

function setCallStatus(status, detail) {
  phone.callStatus = status;
  $("call-status").textContent = detail ? `${status} (${detail})` : status;
  $("call-status").dataset.state = status;
  document.body.dataset.call = status;
  const active = ["calling", "ringing", "incoming", "answering", "connected"].includes(status);
  $("hangup-button").disabled = !active;
  $("call-button").disabled = active || !phone.userAgent;
  $("incoming").hidden = status !== "incoming";
}

// JSCommSettings.websocket.servers is one URL (JsSIP 3), or a list of URLs or of {ws_uri, weight}
// (JsSIP 0.6). The page tries the highest weight first, equal weights in a random order (so that
// pages share the proxies out), and each next one when a connection fails or drops.
function websocketServers() {
  const given = settings.websocket && settings.websocket.servers;
  const servers = (Array.isArray(given) ? given : [given])
    .map((server) => (typeof server === "string" ? { url: server, weight: 0 }
      : { url: server && server.ws_uri, weight: Number(server && server.weight) || 0 }))
    .filter((server) => typeof server.url === "string" && server.url.length > 0);
  for (let i = servers.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [servers[i], servers[j]] = [servers[j], servers[i]];
  }
  return servers.sort((a, b) => b.weight - a.weight).map((server) => server.url);
}

// The first server as config.js lists it (the SIP domain's fallback, and whether there is one at all):
// websocketServers() shuffles equal weights, which these need not.
function websocketUrl() {
  const servers = settings.websocket && settings.websocket.servers;
  const first = Array.isArray(servers) ? servers[0] : servers;
  return typeof first === "string" ? first : first && first.ws_uri;
}

function recoveryInterval(name, fallback) {
  const value = Number(settings.websocket && settings.websocket[name]);
  return value > 0 ? value : fallback;
}

// stun_servers and turn_servers as RTCIceServers. A TURN server without a username takes the SIP
// credentials, as in JSCommunicator.
function iceServers(authUser, password) {
  const servers = [];
  for (const stun of [].concat(settings.stun_servers || [])) {
    if (stun && stun.server) servers.push({ urls: stun.server });
  }
  for (const turn of [].concat(settings.turn_servers || [])) {
    if (!turn || !turn.server) continue;
    const username = turn.username || authUser;
    const credential = turn.username ? turn.password : password;
    if (username && credential) servers.push({ urls: turn.server, username, credential });
  }
  return servers;
}

// The page may ask for relay only (?ice=relay), never for less than the configured policy.
function iceTransportPolicy() {
  const extra = settings.rtcstack || {};
  const configured = extra.ice_transport_policy
    || (settings.session && settings.session.require_relay_candidate ? "relay" : "all");
  return params.get("ice") === "relay" ? "relay" : configured;
}

function sipDomain() {
  if (settings.rtcstack && settings.rtcstack.sip_domain) return settings.rtcstack.sip_domain;
  return new URL(websocketUrl().replace(/^ws/, "http")).hostname;
}

// "joe", "+4930123", "joe@falcot.com" or "sip:joe@falcot.com" as a SIP URI.
function toUri(destination) {
  const text = String(destination).trim().replace(/\s+/g, "");
  if (/^sips?:/i.test(text)) return text;
  if (text.includes("@")) return `sip:${text}`;
  return `sip:${text}@${sipDomain()}`;
}

function start(identity) {
  const uri = UserAgent.makeURI(identity.uri);
  if (!uri) throw new Error(`not a SIP address: ${identity.uri}`);
  phone.identity = identity;
  phone.servers = websocketServers();
  serverIndex = 0;
  triedInRound = 0;
  phone.iceServers = iceServers(identity.authUser, identity.password);
  phone.iceTransportPolicy = iceTransportPolicy();
  const userAgent = new UserAgent({
    uri,
    authorizationUsername: identity.authUser,
    authorizationPassword: identity.password,
    displayName: identity.displayName || undefined,
    transportOptions: { server: phone.servers[0], connectionTimeout: 5 },
    // Always our own servers: SIP.js would otherwise add a public STUN server.
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: 5000,
      peerConnectionConfiguration: {
        iceServers: phone.iceServers,
        iceTransportPolicy: phone.iceTransportPolicy,
      },
    },
    noAnswerTimeout: (settings.dialing && settings.dialing.no_answer_timeout) || 60,
    logLevel: "warn",
    userAgentString: `rtcstack-web-phone SIP.js/${(settings.rtcstack || {}).sipjs_version || "0.21"}`,
    delegate: {
      onConnect: onConnect,
      onDisconnect: () => nextServer(),
      onInvite: onInvite,
    },
  });
  phone.userAgent = userAgent;
  if (identity.register) {
    const registration = settings.registration || {};
    phone.registerer = new Registerer(userAgent, {
      expires: registration.expiry || 600,
      registrar: registration.server ? UserAgent.makeURI(registration.server) : undefined,
    });
    phone.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) setStatus("registered");
      else if (state === RegistererState.Unregistered && phone.status === "registered") setStatus("unregistered");
    });
  }
  running = true;
  nextDelay = recoveryInterval("connection_recovery_min_interval", 2);
  $("identity").textContent = identity.displayName ? `${identity.displayName} <${identity.uri}>` : identity.uri;
  $("login-form").hidden = true;
  $("phone-panel").hidden = false;
  setCallStatus("idle");
  connect();
}

async function connect() {
  reconnectTimer = null;
  const userAgent = phone.userAgent;
  if (!running || !userAgent) return;
  // SIP.js 0.21 takes one server URL, kept in its transport's configuration, which connect() reads at
  // each attempt: the failover sets it there (the transport has no setter).
  phone.server = phone.servers[serverIndex];
  userAgent.transport.configuration.server = phone.server;
  triedInRound += 1;
  phone.connectionAttempts.push(Date.now());
  phone.connectionServers.push(phone.server);
  setStatus("connecting");
  try {
    if (userAgent.state === UserAgentState.Started) await userAgent.reconnect();
    else await userAgent.start();
  } catch (error) {
    if (userAgent === phone.userAgent) nextServer();
  }
}

// A connection failed or dropped: the next server at once, until every server was tried since the
// last connection; then a wait, and the list starts over at the first.
function nextServer() {
  if (!running || reconnectTimer !== null) return;
  if (triedInRound < phone.servers.length) {
    serverIndex = (serverIndex + 1) % phone.servers.length;
    setStatus("disconnected");
    reconnectTimer = setTimeout(connect, 0);
    return;
  }
  serverIndex = 0;
  triedInRound = 0;
  scheduleReconnect();
}

// Reconnection as JsSIP does it: the first wait is the minimum interval, each next one doubles up
// to the maximum; a connection that succeeds starts over at the minimum.
function scheduleReconnect() {
  if (!running || reconnectTimer !== null) return;
  setStatus("disconnected");
  const wait = nextDelay;
  nextDelay = Math.min(nextDelay * 2, recoveryInterval("connection_recovery_max_interval", 30));
  $("status").dataset.retryIn = String(wait);
  phone.reconnectWaits.push({ failedAt: Date.now(), wait });
  reconnectTimer = setTimeout(connect, wait * 1000);
}

function onConnect() {
  nextDelay = recoveryInterval("connection_recovery_min_interval", 2);
  triedInRound = 0;
  delete $("status").dataset.retryIn;
  if (!phone.registerer) {
    setStatus("connected");
    return;
  }
  setStatus("registering");
  phone.registerer.register({
    requestDelegate: {
      // After a reconnection the registerer may still be Registered from the connection that dropped:
      // its state does not change, so the 200 itself says the new registration holds.
      onAccept: () => setStatus("registered"),
      onReject: (response) => {
        const message = response.message;
        setStatus("registration failed");
        showError(`Registration refused: ${message.statusCode} ${message.reasonPhrase}`);
      },
    },
  }).catch((error) => showError(`Registration failed: ${error.message}`));
}

async function login(user, password) {
  if (phone.userAgent) throw new Error("already logged in");
  showError("");
  const name = String(user).trim();
  const uri = toUri(name);
  const userPart = uri.replace(/^sips?:/i, "").split("@")[0];
  const full = settings.user && settings.user.sip_auth_user_full_uri;
  start({
    uri,
    authUser: full ? uri.replace(/^sips?:/i, "") : userPart,
    password,
    displayName: null,
    register: !settings.registration || settings.registration.on_startup !== false,
  });
}

async function logout() {
  running = false;
  if (reconnectTimer !== null) clearTimeout(reconnectTimer);
  reconnectTimer = null;
  const userAgent = phone.userAgent;
  phone.userAgent = null;
  phone.registerer = null;
  if (userAgent) {
    try {
      await userAgent.stop();
    } catch (error) {
      showError(`Log out: ${error.message}`);
    }
  }
  setStatus("disconnected");
  setCallStatus("idle");
  $("identity").textContent = "";
  $("phone-panel").hidden = true;
  $("login-form").hidden = phone.mode === "guest";
}

function mediaConstraints(video) {
  return { constraints: { audio: true, video: Boolean(video) } };
}

function finalResponse(response) {
  const message = response.message;
  phone.lastFinalResponse = { code: message.statusCode, reason: message.reasonPhrase };
  $("call-status").dataset.code = String(message.statusCode);
}

function follow(session) {
  phone.session = session;
  phone.lastFinalResponse = null;
  delete $("call-status").dataset.code;
  session.stateChange.addListener((state) => {
    if (state === SessionState.Established) {
      const handler = session.sessionDescriptionHandler;
      const media = $("remote-media");
      media.srcObject = handler.remoteMediaStream;
      // An audio call plays through the same element, without a black picture.
      media.hidden = handler.remoteMediaStream.getVideoTracks().length === 0;
      media.play().catch(() => {});
      setCallStatus("connected");
    } else if (state === SessionState.Terminated) {
      $("remote-media").srcObject = null;
      if (phone.session === session) phone.session = null;
      // SIP.js ends the session before it hands the final response to the request delegate.
      setTimeout(() => {
        if (phone.session) return;
        const response = phone.lastFinalResponse;
        if (!hungUp.has(session) && response && response.code >= 300) {
          setCallStatus("failed", `${response.code} ${response.reason}`);
        } else {
          setCallStatus("ended");
        }
      }, 0);
    }
  });
}

async function call(destination, options = {}) {
  if (!phone.userAgent) throw new Error("log in first");
  if (phone.session) throw new Error("a call is in progress");
  const text = String(destination || "").trim();
  if (!text) throw new Error("no destination");
  const target = UserAgent.makeURI(toUri(text));
  if (!target) throw new Error(`not a SIP address: ${text}`);
  showError("");
  const video = options.video !== undefined ? options.video : $("video").checked;
  const inviter = new Inviter(phone.userAgent, target, {
    sessionDescriptionHandlerOptions: mediaConstraints(video),
  });
  follow(inviter);
  $("peer").textContent = target.toString();
  setCallStatus("calling");
  await inviter.invite({
    requestDelegate: {
      onProgress: (response) => {
        if (response.message.statusCode === 180 || response.message.statusCode === 183) setCallStatus("ringing");
      },
      onAccept: finalResponse,
      onReject: finalResponse,
    },
  });
  return inviter;
}

function onInvite(invitation) {
  if (phone.session) {
    invitation.reject({ statusCode: 486 });
    return;
  }
  follow(invitation);
  const identity = invitation.remoteIdentity;
  const caller = identity.displayName ? `${identity.displayName} <${identity.uri}>` : identity.uri.toString();
  $("caller").textContent = caller;
  $("peer").textContent = caller;
  setCallStatus("incoming");
}

async function answer() {
  const session = phone.session;
  if (!(session instanceof Invitation) || session.state !== SessionState.Initial) throw new Error("no call to answer");
  const offer = (session.request && session.request.body) || "";
  setCallStatus("answering");
  await session.accept({ sessionDescriptionHandlerOptions: mediaConstraints(/^m=video /m.test(offer)) });
}

async function hangup() {
  const session = phone.session;
  if (!session) return;
  hungUp.add(session);
  if (session.state === SessionState.Established) {
    await session.bye();
  } else if (session instanceof Inviter) {
    await session.cancel();
  } else if (session.state === SessionState.Initial || session.state === SessionState.Establishing) {
    await session.reject();
  }
}

// Digits go into the dial box, or as DTMF during a call.
function buildDialpad() {
  const pad = $("dialpad");
  const show = !settings.session || settings.session.show_dtmf_pad !== false;
  pad.hidden = !show;
  if (!show) return;
  for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = key;
    button.dataset.key = key;
    button.addEventListener("click", () => {
      const session = phone.session;
      if (session && session.state === SessionState.Established) {
        const duration = (settings.session && settings.session.dtmf_duration) || 100;
        session.sessionDescriptionHandler.sendDtmf(key, { duration });
      } else {
        $("destination").value += key;
      }
    });
    pad.append(button);
  }
}

function report(promise) {
  Promise.resolve(promise).catch((error) => showError(error.message));
}

// Loads guest.js, which only the click-to-call page needs.
function loadGuestSettings() {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "guest.js";
    script.onload = () => resolve(window.JSCommGuestSettings);
    script.onerror = () => reject(new Error("guest.js could not be loaded"));
    document.head.append(script);
  });
}

async function startGuest() {
  $("title").textContent = "Call us";
  $("login-form").hidden = true;
  const guest = await loadGuestSettings();
  if (!guest || !guest.user) {
    setStatus("unavailable");
    showError("Calls from this page are not enabled.");
    return;
  }
  const user = guest.user;
  const edit = settings.dialing && settings.dialing.edit_destination === true && guest.edit_destination === true;
  $("dial-form").hidden = !edit;
  $("dialpad").hidden = true;
  $("logout-button").hidden = true;
  const list = $("guest-destinations");
  for (const destination of guest.destinations || []) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.destination = destination;
    button.textContent = `Call ${destination.replace(/^sips?:/i, "").split("@")[0]}`;
    button.addEventListener("click", () => report(call(destination)));
    list.append(button);
  }
  start({
    uri: user.uri,
    authUser: user.sip_auth_user || user.uri.replace(/^sips?:/i, "").split("@")[0],
    password: user.sip_auth_password,
    displayName: user.display_name,
    register: Boolean(guest.registration && guest.registration.on_startup),
  });
}

function init() {
  if (!settings || !settings.websocket || !websocketUrl()) {
    setStatus("unconfigured");
    showError("config.js is missing or has no websocket.servers.");
    return;
  }
  if (typeof RTCPeerConnection === "undefined") {
    setStatus("unsupported");
    showError("This browser has no WebRTC.");
    return;
  }
  buildDialpad();
  $("video-choice").hidden = settings.dialing && settings.dialing.video_dialing === false;
  const dial = params.get("dial")
    || (settings.dialing && settings.dialing.auto_dial && settings.dialing.auto_dial.default_destination);
  if (dial) $("destination").value = dial;
  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    report(login($("sip-user").value, $("sip-password").value));
  });
  $("dial-form").addEventListener("submit", (event) => {
    event.preventDefault();
    report(call($("destination").value));
  });
  $("answer-button").addEventListener("click", () => report(answer()));
  $("reject-button").addEventListener("click", () => report(hangup()));
  $("hangup-button").addEventListener("click", () => report(hangup()));
  $("logout-button").addEventListener("click", () => report(logout()));
  window.addEventListener("pagehide", () => {
    if (phone.userAgent) phone.userAgent.stop();
  });
  setStatus("disconnected");
  setCallStatus("idle");
  if (phone.mode === "guest") {
    report(startGuest());
  } else {
    $("login-form").hidden = false;
  }
  document.body.dataset.ready = "true";
}

init();
