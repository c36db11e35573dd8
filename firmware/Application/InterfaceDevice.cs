using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Faults;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Modes;
using InterfaceFirmware.Firmware.Output;
using InterfaceFirmware.Firmware.Persistence;
using InterfaceFirmware.Firmware.Planning;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>
    /// The device: built from a board profile and the hal, run by one cooperative tick. The device's
    /// Program and the emulator construct it the same way, so tests see what the device does.
    /// </summary>
    /// <remarks>
    /// The path of a button press, by name: a GPIO edge → <see cref="OnEdge"/> puts it in the
    /// <see cref="EdgeQueue"/> → the tick hands it to its <see cref="DebouncedInput"/> →
    /// <see cref="ButtonGestures"/> turns the settled press into a gesture and, through the board's
    /// gesture table, a <see cref="UserAction"/> → <see cref="Apply"/> updates the
    /// <see cref="Settings"/> and the <see cref="DeviceState"/> → <see cref="JackPlanner"/> plans
    /// every stage of the jack (<see cref="JackTargets"/>) → <see cref="JackOutput"/> ramps the
    /// chips there through the drivers (<see cref="IAudioCodec"/>, <see cref="IHeadphoneAmplifier"/>)
    /// → their register caches → the I2C bus. All in the tick where the debounce decided; nothing
    /// in the tick allocates unless it logs an event.
    /// </remarks>
    public sealed class InterfaceDevice
    {
        /// <summary>The control loop's period.</summary>
        public const int TickMs = 5;

        /// <summary>A jack-detect switch settles slower than a button.</summary>
        public const int JackDebounceMs = 100;

        /// <summary>How often readable chips are asked whether they lost their registers, and the amplifier whether it overheated.</summary>
        public const int ProbeIntervalMs = 500;

        /// <summary>Exact digital silence from a running ADC for this long means it is not running: a brown-out.</summary>
        public const int SilentCaptureMs = 100;

        /// <summary>How long an overheated amplifier is left to cool before it is tried again.</summary>
        public const int ThermalWaitMs = 2000;

        /// <summary>How long the LEDs show how auto gain went.</summary>
        public const int AutoGainShowMs = 4000;

        /// <summary>The LEDs show which jack was just selected for this many whole LED cycles (2 s each) after the current one.</summary>
        public const int SelectionShowCycles = 2;

        private const string Source = "firmware";

        private readonly BoardProfile _profile;
        private readonly BoardIo _io;
        private readonly ILog _log;
        private readonly Settings _settings;
        private readonly DeviceState _state;
        private readonly EdgeQueue _edges = new EdgeQueue(64);
        private readonly ActionQueue _actions = new ActionQueue(16);
        private readonly int _jackCount;
        private readonly JackTargets[] _targets;
        private readonly JackPlanner[] _planners;
        private readonly JackOutput[] _outputs;
        private readonly IAudioCodec[] _codecs;
        private readonly ChipWatch[] _codecWatch;
        private readonly ChipWatch _amplifierWatch = new ChipWatch();
        private long _nextProbeMs;
        private int _exceptions;
        private int _brownOuts;
        private long _lastExceptionLogMs = -1000;
        private long _thermalUntilMs = -1;
        private readonly IHeadphoneAmplifier _amplifier;
        private IDigitalInput[] _pins;
        private DebouncedInput[] _debounced;
        private int[] _jackOfInput;
        private ButtonGestures _gestures;
        private LedController _leds;
        private bool _started;
        private bool _tookCharge;
        private readonly int[] _mirroredGain = new int[Settings.InputCount];
        private static readonly string[] InputNames = { "input 1", "input 2" };
        private InputSection _inputs;
        private SilenceWatch _silence;
        private readonly int _captureCodec;
        private readonly SettingsStorage _storage;
        private readonly SettingsSaver _saver;
        private readonly ModeSelector _selector;
        private readonly KeepAlive _keepAlive;
        private ClockStage _stage = ClockStage.TakeCharge;
        private DeviceMode _mode;
        private int _rate;

        /// <param name="settings">The settings to start from (null: defaults).</param>
        public InterfaceDevice(BoardProfile profile, BoardIo io, Settings settings)
        {
            _profile = profile;
            _io = io;
            _log = io.Log;
            _jackCount = profile.Jacks.Length;
            _settings = new Settings(_jackCount);
            if (settings != null)
            {
                _settings.CopyFrom(settings);
            }

            _state = new DeviceState(_jackCount);
            _selector = new ModeSelector(profile.HasUsbBridge ? io.Usb : null);
            for (int i = 0; i < profile.Codecs.Length; i++)
            {
                if (profile.Codecs[i].FeedsCapture)
                {
                    _captureCodec = i;
                }
            }

            _keepAlive = new KeepAlive(io.Power);
            _codecs = new IAudioCodec[profile.Codecs.Length];
            _codecWatch = new ChipWatch[_codecs.Length];
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i] = CreateCodec(profile.Codecs[i], io.Bus, _log);
                _codecWatch[i] = new ChipWatch();
            }

            if (profile.HasAmplifier)
            {
                IDigitalOutput shutdown = profile.AmplifierShutdownPin >= 0 ? io.Gpio.OpenOutput(profile.AmplifierShutdownPin, false) : null;
                _amplifier = new Tpa6130a2Amplifier(io.Bus, profile.AmplifierAddress, shutdown, _log);
            }

            _targets = new JackTargets[_jackCount];
            _planners = new JackPlanner[_jackCount];
            _outputs = new JackOutput[_jackCount];
            for (int j = 0; j < _jackCount; j++)
            {
                JackProfile jack = profile.Jacks[j];
                IAudioCodec codec = _codecs[jack.CodecIndex];
                IHeadphoneAmplifier amplifier = jack.ThroughAmplifier ? _amplifier : null;
                _targets[j] = new JackTargets();
                _planners[j] = new JackPlanner(jack, codec.Capabilities, amplifier != null ? amplifier.Volume : null, profile.Codecs[jack.CodecIndex].CrossFeedOnInput3);
                _outputs[j] = new JackOutput(codec, amplifier, jack.HoldHeadphoneVolume);
            }

            // Settings from the store (the newest valid record, clamped to what this board can do);
            // explicit settings (tests, a script) win over the store.
            if (io.Store != null)
            {
                _storage = new SettingsStorage(io.Store, new SettingsRecord(SettingsLayout.Current(), _jackCount), _log);
                if (settings == null)
                {
                    _storage.Load(_settings, SettingsLimits.FromPlanners(_planners, _planners[0].CanMonitorMono));
                }

                _saver = new SettingsSaver(_storage, _log);
                _saver.MarkSaved(_settings);
            }
        }

        public BoardProfile Profile
        {
            get { return _profile; }
        }

        public Settings Settings
        {
            get { return _settings; }
        }

        public DeviceState State
        {
            get { return _state; }
        }

        public IHeadphoneAmplifier Amplifier
        {
            get { return _amplifier; }
        }

        public IAudioCodec Codec(int index)
        {
            return _codecs[index];
        }

        /// <summary>What the planner wants jack <paramref name="jack"/>'s stages to hold.</summary>
        public JackTargets Targets(int jack)
        {
            return _targets[jack];
        }

        public JackPlanner Planner(int jack)
        {
            return _planners[jack];
        }

        public JackOutput Output(int jack)
        {
            return _outputs[jack];
        }

        /// <summary>Edges the queue could not take since start-up.</summary>
        public int DroppedEdges
        {
            get { return _edges.Dropped; }
        }

        /// <summary>The indications the LEDs show now (bits of <see cref="Indication"/>).</summary>
        public int Indications
        {
            get { return CurrentIndications(_io.Clock.NowMs); }
        }

        public LedController Leds
        {
            get { return _leds; }
        }

        /// <summary>Up, clocked and not in the middle of a clock change: the jacks may be open.</summary>
        public bool Live
        {
            get { return _stage == ClockStage.Live; }
        }

        /// <summary>USB or standalone, as the codecs are clocked now.</summary>
        public DeviceMode Mode
        {
            get { return _mode; }
        }

        /// <summary>The rate the codecs are clocked at now.</summary>
        public int SampleRate
        {
            get { return _rate; }
        }

        /// <summary>The power-bank keep-alive.</summary>
        public KeepAlive KeepAlive
        {
            get { return _keepAlive; }
        }

        /// <summary>Opens the pins, subscribes to their edges and starts the tick.</summary>
        public void Start()
        {
            if (_started)
            {
                return;
            }

            _started = true;
            OpenInputs();
            _leds = new LedController(_profile, _io.Gpio);
            if (_profile.SpeakerAmplifierPin >= 0)
            {
                _io.Gpio.OpenOutput(_profile.SpeakerAmplifierPin, false); // headphones only: the speaker amplifier stays off
            }

            _state.Phase = DevicePhase.Booting;
            _state.Busy = true;
            _io.Clock.StartTicks(TickMs, Tick);
        }

        /// <summary>
        /// One control-loop tick (the clock calls it every <see cref="TickMs"/>). Nothing ends the
        /// loop: an exception is logged (once a second at most) and every jack is muted; the next
        /// ticks carry on from there, and the jacks fade in again once the cause is gone.
        /// </summary>
        public void Tick(long nowMs)
        {
            try
            {
                Step(nowMs);
            }
            catch (Exception e)
            {
                _exceptions++;
                if (nowMs - _lastExceptionLogMs >= 1000)
                {
                    _lastExceptionLogMs = nowMs;
                    _log.Write(LogLevel.Error, Source, "tick failed (" + _exceptions.ToString() + " so far): " + e.Message + "; jacks muted");
                }

                for (int j = 0; j < _jackCount; j++)
                {
                    try
                    {
                        _outputs[j].Abandon(nowMs);
                    }
                    catch (Exception)
                    {
                        // muting failed too: the next tick tries again
                    }
                }
            }
        }

        /// <summary>Exceptions caught by the loop since start-up (0 is the goal).</summary>
        public int Exceptions
        {
            get { return _exceptions; }
        }

        private void Step(long nowMs)
        {
            DrainEdges();
            UpdateButtons(nowMs);
            UpdateJackDetect(nowMs);
            UserAction action;
            while (_actions.TryTake(out action))
            {
                Apply(action, nowMs);
            }

            StepPower(nowMs);
            _keepAlive.Update(nowMs, _settings.KeepAliveEnabled, _stage == ClockStage.Live && _mode == DeviceMode.Standalone,
                _settings.KeepAlivePeriodMs, _settings.KeepAlivePulseMs);

            for (int j = 0; j < _jackCount; j++)
            {
                PlanJack(j);
                if (_tookCharge)
                {
                    _outputs[j].Advance(_targets[j], WantOpen(j), _state.Jacks[j].Plugged, nowMs);
                }
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i].Tick(nowMs);
            }

            if (_amplifier != null)
            {
                _amplifier.Tick(nowMs);
            }

            UpdateInputs(nowMs);
            WatchFaults(nowMs);
            _leds.Update(nowMs, CurrentIndications(nowMs));
            if (_saver != null)
            {
                _saver.Tick(_settings, nowMs);
            }
        }

        // ---- inputs --------------------------------------------------------------------------------

        private void OpenInputs()
        {
            int buttons = _profile.Buttons.Length;
            int detects = 0;
            for (int j = 0; j < _jackCount; j++)
            {
                detects += _profile.Jacks[j].DetectPin >= 0 ? 1 : 0;
            }

            _pins = new IDigitalInput[buttons + detects];
            _debounced = new DebouncedInput[buttons + detects];
            _jackOfInput = new int[buttons + detects];
            var names = new string[buttons];
            for (int i = 0; i < buttons; i++)
            {
                ButtonProfile button = _profile.Buttons[i];
                names[i] = button.Name;
                _pins[i] = _io.Gpio.OpenInput(button.Pin, button.ActiveLow);
                _debounced[i] = new DebouncedInput(_pins[i], button.ActiveLow, DebouncedInput.DefaultDebounceMs);
                _jackOfInput[i] = -1;
            }

            int n = buttons;
            for (int j = 0; j < _jackCount; j++)
            {
                JackProfile jack = _profile.Jacks[j];
                if (jack.DetectPin < 0)
                {
                    continue;
                }

                _pins[n] = _io.Gpio.OpenInput(jack.DetectPin, false);
                _debounced[n] = new DebouncedInput(_pins[n], jack.DetectActiveLow, JackDebounceMs);
                _jackOfInput[n] = j;
                _state.Jacks[j].Plugged = _debounced[n].Active;
                n++;
            }

            _gestures = new ButtonGestures(names, _profile.Gestures, _actions, _log);
            for (int i = 0; i < _pins.Length; i++)
            {
                _pins[i].Edge += OnEdge;
            }
        }

        // GPIO event thread on the device: record the edge, nothing else.
        private void OnEdge(IDigitalInput input, bool level)
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                if (_pins[i] == input)
                {
                    _edges.Enqueue(i, level, _io.Clock.NowMs);
                    return;
                }
            }
        }

        private void DrainEdges()
        {
            int source;
            bool level;
            long timeMs;
            while (_edges.TryDequeue(out source, out level, out timeMs))
            {
                _debounced[source].OnEdge(timeMs);
            }
        }

        private void UpdateButtons(long nowMs)
        {
            int buttons = _profile.Buttons.Length;
            for (int i = 0; i < buttons; i++)
            {
                InputChange change = _debounced[i].Update(nowMs);
                if (change != InputChange.None)
                {
                    _gestures.OnInputChange(i, change, nowMs);
                }
            }

            _gestures.Update(nowMs);
        }

        private void UpdateJackDetect(long nowMs)
        {
            for (int i = _profile.Buttons.Length; i < _debounced.Length; i++)
            {
                int jack = _jackOfInput[i];
                InputChange change = _debounced[i].Update(nowMs);
                switch (change)
                {
                    case InputChange.Activated:
                        Plugged(jack, true);
                        break;
                    case InputChange.Deactivated:
                        Plugged(jack, false);
                        break;
                    case InputChange.StartedChattering:
                        _log.Write(LogLevel.Warning, Source, _profile.Jacks[jack].Name + " jack detect chatters: jack muted until it settles");
                        Plugged(jack, false);
                        break;
                    case InputChange.StoppedChattering:
                        Plugged(jack, _debounced[i].Active);
                        break;
                }
            }
        }

        private void Plugged(int jack, bool plugged)
        {
            JackState state = _state.Jacks[jack];
            if (state.Plugged == plugged)
            {
                return;
            }

            state.Plugged = plugged;
            if (plugged)
            {
                ApplyBootCap(jack); // a new pair of headphones starts no louder than the boot cap
            }

            _log.Write(LogLevel.Info, Source, _profile.Jacks[jack].Name + " jack: " + (plugged ? "headphones plugged in" : "unplugged, muted"));
        }

        // ---- actions -------------------------------------------------------------------------------

        /// <summary>Carries out a user action on the settings and the state (also for tests and scripts).</summary>
        public void Apply(UserAction action, long nowMs)
        {
            int j = _state.SelectedJack;
            JackSettings jack = _settings.Jacks[j];
            JackState state = _state.Jacks[j];
            JackPlanner planner = _planners[j];
            switch (action)
            {
                case UserAction.VolumeUp:
                    if (_state.InputFocus >= 0)
                    {
                        StepInputGain(_state.InputFocus, true);
                    }
                    else if (state.Muted)
                    {
                        state.Muted = false;
                    }
                    else if (state.AtFloor)
                    {
                        state.AtFloor = false;
                        jack.LevelCentiDb = planner.MinLevel(jack.Range);
                    }
                    else
                    {
                        jack.LevelCentiDb = planner.Snap(jack.LevelCentiDb + JackPlanner.StepCentiDb, jack.Range, jack.UserMaxCentiDb);
                    }

                    break;
                case UserAction.VolumeDown:
                    if (_state.InputFocus >= 0)
                    {
                        StepInputGain(_state.InputFocus, false);
                    }
                    else if (!state.Muted && !state.AtFloor)
                    {
                        if (jack.LevelCentiDb - JackPlanner.StepCentiDb < planner.MinLevel(jack.Range))
                        {
                            state.AtFloor = true;
                        }
                        else
                        {
                            jack.LevelCentiDb -= JackPlanner.StepCentiDb;
                        }
                    }

                    break;
                case UserAction.ToggleMute:
                    state.Muted = !state.Muted;
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack " + (state.Muted ? "muted" : "un-muted"));
                    break;
                case UserAction.SelectNextJack:
                    _state.SelectedJack = (j + 1) % _jackCount;
                    _state.ShowSelectionUntilMs = (nowMs / LedPatterns.CycleMs + 1 + SelectionShowCycles) * LedPatterns.CycleMs;
                    _log.Write(LogLevel.Info, Source, "volume keys on the " + _profile.Jacks[_state.SelectedJack].Name + " jack");
                    break;
                case UserAction.CycleGainRange:
                    jack.Range = (HeadphoneRange)(((int)jack.Range + 1) % 3);
                    jack.LevelCentiDb = planner.Snap(jack.LevelCentiDb, jack.Range, jack.UserMaxCentiDb);
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack: " + RangeName(jack.Range) + " range, maximum " + Db(planner.MaxLevel(jack.Range)));
                    break;
                case UserAction.SetMaximumLevel:
                    jack.UserMaxCentiDb = jack.LevelCentiDb;
                    _log.Write(LogLevel.Info, Source, _profile.Jacks[j].Name + " jack: maximum set at " + Db(jack.LevelCentiDb));
                    break;
                case UserAction.ResetToDefaults:
                    _settings.ResetToDefaults();
                    for (int k = 0; k < _jackCount; k++)
                    {
                        _state.Jacks[k].Muted = false;
                        _state.Jacks[k].AtFloor = false;
                        ApplyBootCap(k);
                    }

                    _log.Write(LogLevel.Info, Source, "settings reset to defaults");
                    break;
                case UserAction.CycleMonitorMode:
                    _settings.Monitor = NextMonitorMode(_settings.Monitor);
                    _log.Write(LogLevel.Info, Source, "monitor " + MonitorName(_settings.Monitor));
                    break;
                case UserAction.BlendTowardInputs:
                    _settings.Blend = _settings.Blend > 0 ? _settings.Blend - 1 : 0;
                    break;
                case UserAction.BlendTowardPlayback:
                    _settings.Blend = _settings.Blend < Settings.BlendPositions ? _settings.Blend + 1 : Settings.BlendPositions;
                    break;
                case UserAction.ToggleInputGainFocus:
                    if (_inputs == null)
                    {
                        _log.Write(LogLevel.Warning, Source, "no input gain on this board yet (the chips are not up)");
                        break;
                    }

                    _state.InputFocus = _state.InputFocus + 1 >= Settings.InputCount ? -1 : _state.InputFocus + 1;
                    _log.Write(LogLevel.Info, Source, _state.InputFocus < 0 ? "volume keys on the jack level" : "volume keys on input " + (_state.InputFocus + 1).ToString() + "'s gain");
                    break;
                case UserAction.AutoGain:
                    if (_inputs == null)
                    {
                        _log.Write(LogLevel.Warning, Source, "auto gain: the inputs are not up yet");
                        break;
                    }

                    for (int c = 0; c < Settings.InputCount; c++)
                    {
                        _inputs.StartAutoGain(c, nowMs);
                    }

                    break;
            }
        }

        private MonitorMode NextMonitorMode(MonitorMode mode)
        {
            switch (mode)
            {
                case MonitorMode.Off:
                    return _planners[0].CanMonitorMono ? MonitorMode.Mono : MonitorMode.Stereo;
                case MonitorMode.Mono:
                    return MonitorMode.Stereo;
                default:
                    return MonitorMode.Off;
            }
        }

        // One step of the codec's own input gain scale up or down (PGA and boost, 0.75 dB on the
        // WM8960, 3 dB on the ES8388), kept in the settings.
        private void StepInputGain(int channel, bool up)
        {
            if (_inputs == null)
            {
                return;
            }

            InputGains gains = _inputs.Gains;
            int current = gains.GainCentiDb(channel);
            int next = up ? JackPlanner.AtOrAbove(gains.Scale, current + 1, gains.MaxCentiDb) : JackPlanner.AtOrBelow(gains.Scale, current - 1, gains.MaxCentiDb);
            gains.SetGain(channel, next);
        }

        // The inputs of the codec that feeds the capture: meters, gains, auto gain, clip guard. The
        // other codecs' input PGAs (the second jack's monitor on the reference board) follow its gains.
        private void UpdateInputs(long nowMs)
        {
            if (_inputs == null)
            {
                return;
            }

            int finished = _inputs.Tick(nowMs);
            for (int c = 0; c < Settings.InputCount; c++)
            {
                if (_inputs.ClipGuard.Enabled(c) != _settings.ClipGuard[c])
                {
                    _inputs.ClipGuard.SetEnabled(c, _settings.ClipGuard[c]);
                }

                _settings.InputGainCentiDb[c] = _inputs.Gains.GainCentiDb(c);
            }

            if (_mirroredGain[0] != _settings.InputGainCentiDb[0] || _mirroredGain[1] != _settings.InputGainCentiDb[1])
            {
                _mirroredGain[0] = _settings.InputGainCentiDb[0];
                _mirroredGain[1] = _settings.InputGainCentiDb[1];
                for (int i = 0; i < _codecs.Length; i++)
                {
                    if (i != _captureCodec && _codecs[i].Status == DriverStatus.Ok)
                    {
                        _codecs[i].SetInputGain(new StereoGain(_mirroredGain[0], _mirroredGain[1]));
                    }
                }
            }

            _state.Busy = _stage != ClockStage.Live || _inputs.AutoGain(0).Running || _inputs.AutoGain(1).Running;
            if (_inputs.Meter.Clipping(0) || _inputs.Meter.Clipping(1))
            {
                _state.ClipUntilMs = nowMs + 1;
            }

            if (finished != 0 && !_inputs.AutoGain(0).Running && !_inputs.AutoGain(1).Running)
            {
                // Both done: the LEDs say how it went for a few seconds (the log says why).
                bool ok = Succeeded(_inputs.AutoGain(0).Result) && Succeeded(_inputs.AutoGain(1).Result);
                _state.AutoGainSucceeded = ok;
                _state.AutoGainShownUntilMs = nowMs + AutoGainShowMs;
            }
        }

        // Silence on an input nobody plugged anything into is no failure of the other.
        private static bool Succeeded(AutoGainResult result)
        {
            return result == AutoGainResult.Success || result == AutoGainResult.Silence;
        }

        /// <summary>The inputs (meters, gains, auto gain, clip guard); null until the chips are up or on a board without an ADC tap.</summary>
        public InputSection Inputs
        {
            get { return _inputs; }
        }

        private void ApplyBootCap(int jack)
        {
            JackSettings settings = _settings.Jacks[jack];
            int level = settings.LevelCentiDb > _settings.BootCapCentiDb ? _settings.BootCapCentiDb : settings.LevelCentiDb;
            settings.LevelCentiDb = _planners[jack].Snap(level, settings.Range, settings.UserMaxCentiDb);
        }

        // ---- power and clocks ------------------------------------------------------------------------

        // Where the codecs' power and clocks stand, from boot through every clock change: the jacks
        // are open only in Live; any change of mode or rate goes Closing → ToStandby → Switch →
        // PowerOn, because clocks may change only while the outputs are not live.
        private enum ClockStage
        {
            TakeCharge = 0,
            BiasUp = 1,
            PowerOn = 2,
            Live = 3,
            Closing = 4,
            ToStandby = 5,
            Switch = 6,
        }

        private void StepPower(long nowMs)
        {
            _selector.Update(nowMs);
            switch (_stage)
            {
                case ClockStage.TakeCharge:
                    TakeCharge(nowMs);
                    _tookCharge = true;
                    _stage = ClockStage.BiasUp;
                    break;
                case ClockStage.BiasUp:
                    if (CodecsSettledIn(CodecPowerState.Standby) && !_selector.WaitingForHost)
                    {
                        ApplyClocks();
                        RequestCodecs(CodecPowerState.On, nowMs);
                        _stage = ClockStage.PowerOn;
                    }

                    break;
                case ClockStage.PowerOn:
                    if (CodecsSettledIn(CodecPowerState.On))
                    {
                        _stage = ClockStage.Live;
                        _state.Busy = false;
                        if (_state.Phase == DevicePhase.Booting)
                        {
                            _state.Phase = DevicePhase.Running;
                        }

                        _log.Write(LogLevel.Info, Source, "up: " + ModeText());
                    }

                    break;
                case ClockStage.Live:
                    if (_selector.ClockChangeAnnounced || _selector.Mode != _mode || _selector.SampleRate != _rate)
                    {
                        _stage = ClockStage.Closing;
                        _state.Busy = true;
                        _log.Write(LogLevel.Info, Source, _selector.ClockChangeAnnounced ? "the computer changes the rate: muting, standby"
                            : (_selector.Mode != _mode ? "mode change: muting, standby" : "rate change: muting, standby"));
                    }

                    break;
                case ClockStage.Closing:
                    if (JacksClosed(nowMs))
                    {
                        RequestCodecs(CodecPowerState.Standby, nowMs);
                        _stage = ClockStage.ToStandby;
                    }

                    break;
                case ClockStage.ToStandby:
                    if (CodecsSettledIn(CodecPowerState.Standby))
                    {
                        _stage = ClockStage.Switch;
                    }

                    break;
                case ClockStage.Switch:
                    if (!_selector.ClockChangeAnnounced)
                    {
                        ApplyClocks();
                        RequestCodecs(CodecPowerState.On, nowMs);
                        _stage = ClockStage.PowerOn;
                    }

                    break;
            }
        }

        // Takes charge of the chips at their power-on state and configures them while nothing is
        // live; the bias comes up (Standby) while the mode is being decided.
        private void TakeCharge(long nowMs)
        {
            _log.Write(LogLevel.Info, Source, _profile.Name + " board: taking charge of the chips");
            if (_amplifier != null && ChipPresence.CheckAmplifier(_amplifier, _log))
            {
                _amplifier.Start(nowMs);
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                if (codec.Start(nowMs) != DriverStatus.Ok)
                {
                    continue; // logged by the driver; shown as a fault
                }

                codec.SelectInputs(_profile.Inputs.Left, _profile.Inputs.Right);
                codec.SetInputGain(new StereoGain(InputGainSetting(0), InputGainSetting(1)));
            }

            if (_io.AdcTap != null && _codecs[_captureCodec].Status == DriverStatus.Ok)
            {
                // Readable codecs are asked whether they lost their registers; a write-only one
                // (it answers Unsupported) is watched through its capture instead.
                bool wasReset;
                bool writeOnly = _codecs[_captureCodec].ProbeForReset(out wasReset) == DriverStatus.Unsupported;
                IAdcTap tap = _io.AdcTap;
                if (writeOnly)
                {
                    _silence = new SilenceWatch(_io.AdcTap);
                    tap = _silence;
                }

                _inputs = new InputSection(tap, _codecs[_captureCodec], InputGainSetting(0), InputNames, _log);
                _inputs.Gains.SetGain(1, InputGainSetting(1));
            }

            for (int j = 0; j < _jackCount; j++)
            {
                ApplyBootCap(j);
                PlanJack(j);
                _outputs[j].Preset(_targets[j]);
            }

            RequestCodecs(CodecPowerState.Standby, nowMs);
        }

        // The mode's clocks: the bridge's (256·fs) in USB mode, the ESP32's in standalone mode.
        private void ApplyClocks()
        {
            _mode = _selector.Mode;
            _rate = _selector.SampleRate;
            _state.UsbMode = _mode == DeviceMode.Usb;
            if (_io.CodecClock != null)
            {
                if (_state.UsbMode)
                {
                    _io.CodecClock.Stop();
                }
                else if (!_io.CodecClock.Start(_rate, 256))
                {
                    _log.Write(LogLevel.Error, Source, "the ESP32 cannot clock the codec at " + _rate.ToString() + " Hz");
                }
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                if (codec.Status == DriverStatus.Ok && codec.ConfigureClocks(_rate, _rate * 256) != DriverStatus.Ok)
                {
                    _log.Write(LogLevel.Error, Source, codec.Name + " cannot be clocked at " + _rate.ToString() + " Hz");
                }
            }
        }

        private int InputGainSetting(int channel)
        {
            int gain = _settings.InputGainCentiDb[channel];
            return gain == GainScale.Muted ? _profile.DefaultInputGainCentiDb : gain;
        }

        private void RequestCodecs(CodecPowerState state, long nowMs)
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Status == DriverStatus.Ok)
                {
                    _codecs[i].RequestPowerState(state, nowMs);
                }
            }
        }

        // Every working codec has reached the state and is idle.
        private bool CodecsSettledIn(CodecPowerState state)
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                if (codec.Status == DriverStatus.Ok && (codec.Busy || codec.PowerState != state))
                {
                    return false;
                }
            }

            return true;
        }

        private bool JacksClosed(long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                IAudioCodec codec = _codecs[_profile.Jacks[j].CodecIndex];
                if (codec.Status == DriverStatus.Ok && !_outputs[j].ClosedAndSettled(nowMs))
                {
                    return false;
                }
            }

            return true;
        }

        private string ModeText()
        {
            return (_state.UsbMode ? "USB mode, clocked by the USB bridge at " : "standalone, clocked by the ESP32 at ") + _rate.ToString() + " Hz";
        }

        // ---- planning ------------------------------------------------------------------------------

        private void PlanJack(int j)
        {
            JackSettings jack = _settings.Jacks[j];
            int blend = _settings.Blend;
            int centre = Settings.BlendPositions / 2;
            int playbackOffset = blend >= centre ? 0 : (blend == 0 ? GainScale.Muted : -(centre - blend) * 100);
            int monitorOffset = blend <= centre ? 0 : (blend == Settings.BlendPositions ? GainScale.Muted : -(blend - centre) * 100);
            int inputGain = InputGainSetting(0) > InputGainSetting(1) ? InputGainSetting(0) : InputGainSetting(1);
            _planners[j].Plan(jack.LevelCentiDb, jack.Range, !WantOpen(j), _settings.Monitor, playbackOffset, monitorOffset, inputGain, _targets[j]);
        }

        private bool WantOpen(int j)
        {
            JackState state = _state.Jacks[j];
            bool amplifierOk = !_profile.Jacks[j].ThroughAmplifier || _amplifier == null
                || (_amplifier.Status == DriverStatus.Ok && _thermalUntilMs < 0 && !_amplifierWatch.Failed);
            return _stage == ClockStage.Live && state.Plugged && !state.Muted && !state.AtFloor && amplifierOk
                && _codecs[_profile.Jacks[j].CodecIndex].Status == DriverStatus.Ok && !_codecWatch[_profile.Jacks[j].CodecIndex].Failed;
        }

        // ---- faults and LEDs -----------------------------------------------------------------------

        // A chip that stops answering: its jack closed, retries with back-off, a re-sync when it
        // answers (the jack then fades in again). A readable chip that lost its registers (brown-out)
        // is found by asking it; the amplifier's thermal flag mutes its jack until it cooled down.
        private void WatchFaults(long nowMs)
        {
            bool fault = false;
            bool probe = nowMs >= _nextProbeMs;
            if (probe)
            {
                _nextProbeMs = nowMs + ProbeIntervalMs;
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                ChipWatch watch = _codecWatch[i];
                if (codec.Status != DriverStatus.Ok && _tookCharge)
                {
                    if (watch.Fail(nowMs))
                    {
                        _log.Write(LogLevel.Error, Source, CodecLabel(i) + " stopped answering: its jack muted, retrying");
                        AbandonJacksOf(i, nowMs);
                    }

                    if (watch.RetryDue(nowMs) && codec.Resync(nowMs, false) == DriverStatus.Ok)
                    {
                        long awayMs = watch.Recovered(nowMs);
                        _log.Write(LogLevel.Info, Source, CodecLabel(i) + " answers again after " + awayMs.ToString() + " ms: re-synced");
                    }
                }
                else if (probe && _stage == ClockStage.Live && !codec.Busy)
                {
                    bool wasReset;
                    if (codec.ProbeForReset(out wasReset) == DriverStatus.Ok && wasReset)
                    {
                        _log.Write(LogLevel.Warning, Source, CodecLabel(i) + " lost its registers (brown-out): muted, re-synced");
                        AbandonJacksOf(i, nowMs);
                        codec.Resync(nowMs, false);
                    }
                }

                fault |= watch.Failed;
            }

            WatchCaptureSilence(nowMs);
            if (_amplifier != null && _tookCharge)
            {
                fault |= WatchAmplifier(nowMs, probe);
            }

            _state.Fault = fault;
        }

        // A write-only codec cannot be asked whether it lost its registers; the capture tells: its
        // ADC delivers exact zeros once a brown-out reset powered it down. The codecs share their
        // supply, so all of them are re-synced (muted meanwhile, never louder afterwards).
        private void WatchCaptureSilence(long nowMs)
        {
            if (_silence == null)
            {
                return;
            }

            IAudioCodec codec = _codecs[_captureCodec];
            bool expectSignal = _stage == ClockStage.Live && codec.Status == DriverStatus.Ok && !codec.Busy
                && codec.PowerState == CodecPowerState.On && _silence.SampleRate > 0;
            if (!expectSignal)
            {
                _silence.Reset();
                return;
            }

            if (_silence.ZeroFrames < _silence.SampleRate * SilentCaptureMs / 1000)
            {
                return;
            }

            _silence.Reset();
            _log.Write(LogLevel.Warning, Source, "the capture went digitally silent: the codecs lost their registers (brown-out): muted, re-synced");
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Status == DriverStatus.Ok)
                {
                    AbandonJacksOf(i, nowMs);
                    _codecs[i].Resync(nowMs, false);
                }
            }

            _brownOuts++;
        }

        /// <summary>Brown-outs noticed on the capture (write-only codecs) since start-up.</summary>
        public int BrownOutsFromCapture
        {
            get { return _brownOuts; }
        }

        private bool WatchAmplifier(long nowMs, bool probe)
        {
            if (_amplifier.Status != DriverStatus.Ok)
            {
                if (_amplifierWatch.Fail(nowMs))
                {
                    _log.Write(LogLevel.Error, Source, "headphone amplifier stopped answering: the main jack muted, retrying");
                    AbandonAmplifierJacks(nowMs);
                }

                if (_amplifierWatch.RetryDue(nowMs) && _amplifier.Resync(nowMs) == DriverStatus.Ok)
                {
                    long awayMs = _amplifierWatch.Recovered(nowMs);
                    _log.Write(LogLevel.Info, Source, "headphone amplifier answers again after " + awayMs.ToString() + " ms: re-synced");
                }

                return _amplifierWatch.Failed;
            }

            if (!probe || _amplifier.Busy)
            {
                return _thermalUntilMs > nowMs;
            }

            if (_amplifier.Enabled || _thermalUntilMs >= 0)
            {
                bool occurred;
                bool ongoing;
                if (_amplifier.CheckThermal(out occurred, out ongoing) == DriverStatus.Ok && (occurred || ongoing))
                {
                    if (_thermalUntilMs < 0)
                    {
                        _log.Write(LogLevel.Error, Source, "headphone amplifier overheated: the main jack muted, waiting for it to cool");
                        AbandonAmplifierJacks(nowMs);
                    }

                    _thermalUntilMs = nowMs + ThermalWaitMs; // still hot: wait on
                }
                else if (_thermalUntilMs >= 0 && nowMs >= _thermalUntilMs)
                {
                    _thermalUntilMs = -1;
                    _amplifier.Resync(nowMs);
                    _log.Write(LogLevel.Info, Source, "headphone amplifier cooled down: the main jack comes back");
                }
            }

            bool wasReset;
            if (_thermalUntilMs < 0 && _amplifier.ProbeForReset(out wasReset) == DriverStatus.Ok && wasReset)
            {
                _log.Write(LogLevel.Warning, Source, "headphone amplifier lost its registers: the main jack muted, re-synced");
                AbandonAmplifierJacks(nowMs);
                _amplifier.Resync(nowMs);
            }

            return _thermalUntilMs >= 0;
        }

        private void AbandonJacksOf(int codec, long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                if (_profile.Jacks[j].CodecIndex == codec)
                {
                    _outputs[j].Abandon(nowMs);
                }
            }
        }

        private void AbandonAmplifierJacks(long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                if (_profile.Jacks[j].ThroughAmplifier)
                {
                    _outputs[j].Abandon(nowMs);
                }
            }
        }

        private string CodecLabel(int i)
        {
            return _codecs[i].Name + " at I2C address 0x" + Hex(_profile.Codecs[i].Address);
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789ABCDEF";
            return new string(new char[] { digits[(value >> 4) & 0xF], digits[value & 0xF] });
        }

        private int CurrentIndications(long nowMs)
        {
            int bits = 0;
            if (_state.Fault)
            {
                bits |= LedController.Bit(Indication.Fault);
            }

            if (_state.Busy)
            {
                bits |= LedController.Bit(Indication.Busy);
            }

            if (nowMs < _state.ClipUntilMs)
            {
                bits |= LedController.Bit(Indication.Clip);
            }

            if (nowMs < _state.AutoGainShownUntilMs)
            {
                bits |= LedController.Bit(_state.AutoGainSucceeded ? Indication.AutoGainSucceeded : Indication.AutoGainFailed);
            }

            if (nowMs < _state.ShowSelectionUntilMs)
            {
                bits |= LedController.Bit(_state.SelectedJack == 0 ? Indication.SelectedFirstJack : Indication.SelectedSecondJack);
            }

            JackState selected = _state.Jacks[_state.SelectedJack];
            if (selected.Muted || selected.AtFloor)
            {
                bits |= LedController.Bit(Indication.Muted);
            }

            MonitorMode monitor = _targets[0].MonitorMode;
            if (monitor == MonitorMode.Stereo)
            {
                bits |= LedController.Bit(Indication.MonitorStereo);
            }
            else if (monitor == MonitorMode.Mono)
            {
                bits |= LedController.Bit(Indication.MonitorMono);
            }

            bits |= LedController.Bit(_state.UsbMode ? Indication.UsbMode : Indication.Standalone);
            return bits;
        }

        // ---- helpers -------------------------------------------------------------------------------

        private static IAudioCodec CreateCodec(CodecFitting fitting, II2cBus bus, ILog log)
        {
            switch (fitting.Chip)
            {
                case CodecChip.Es8388:
                    return new Es8388Codec(bus, fitting.Address, log);
                default:
                    return new Wm8960Codec(bus, fitting.Address, log, fitting.CrossFeedOnInput3);
            }
        }

        private static string RangeName(HeadphoneRange range)
        {
            switch (range)
            {
                case HeadphoneRange.InEar: return "in-ear";
                case HeadphoneRange.High: return "high";
                default: return "normal";
            }
        }

        private static string MonitorName(MonitorMode mode)
        {
            switch (mode)
            {
                case MonitorMode.Mono: return "mono";
                case MonitorMode.Stereo: return "stereo";
                default: return "off";
            }
        }

        /// <summary>A level for the log: "−12.5 dB" (allocates: events only).</summary>
        public static string Db(int centiDb)
        {
            if (centiDb == GainScale.Muted)
            {
                return "muted";
            }

            int tenths = (centiDb < 0 ? -centiDb : centiDb) / 10;
            return (centiDb < 0 ? "-" : "+") + (tenths / 10).ToString() + "." + (tenths % 10).ToString() + " dB";
        }
    }
}
