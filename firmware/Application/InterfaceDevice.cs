using System;
using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Drivers.Sgtl5000;
using InterfaceFirmware.Drivers.Expander;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Eq;
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
    /// The class is one file per concern: the tick and what it owns here; the controls
    /// (InterfaceDevice.Controls.cs), planning (.Planning.cs), power, modes and clocks (.Power.cs),
    /// the input side (.Inputs.cs), faults (.Faults.cs) and the LEDs (.Indicators.cs).
    /// </remarks>
    public sealed partial class InterfaceDevice
    {
        /// <summary>
        /// The control loop's period, the one constant the firmware's tick derives from: the jack
        /// ramps are rates per second stepped per tick (<see cref="JackOutput.FadeCentiDbPerSecond"/>;
        /// the DAC's digital step is fixed at 0.5 dB, so 50 dB/s), the rest of the firmware times
        /// itself in ms by the clock (debounce, gestures, repeats, watchers, keep-alive, the settings
        /// saver); per step still: the meters' comb (16 of the step's frames). The chip drivers'
        /// sequences (a few registers a step, the output ramps a chip step a step) keep their 5 ms
        /// pace: the clock ticks every <see cref="DriverTickMs"/> and the ticks between the
        /// application's steps only step the drivers. 10 ms, not 5: the interpreter's busiest steps
        /// are several times 5 ms (docs/benchmarks.md, issue 12); at 20 ms the fade-in's 4 dB steps
        /// click, a rate change from the computer lands before the outputs are muted and the meters'
        /// windows stretch to 60 ms (tried: 15 tests fail).
        /// </summary>
        public const int TickMs = 10;

        /// <summary>The clock's tick: the chip drivers step every one (their sequences and ramps were tuned at 5 ms), the application every <see cref="TickMs"/>.</summary>
        public const int DriverTickMs = 5;

        /// <summary>The most ticks in a row the meters wait out (their frames wait in the tap: 40 ms of the device ring's 43).</summary>
        public const int MeterMaxWaitTicks = 3;

        /// <summary>The most ticks in a row a due chip probe gives way to other heavy work (while anything moves every tick plans).</summary>
        public const int ProbeMaxWaitTicks = 3;

        /// <summary>Once nothing moves, whether a jack should be open and its plan are looked at again every this many ticks (40 ms).</summary>
        public const int PlanEveryTicks = 4;

        /// <summary>The fault watch looks at the chips this long after its last look, in a step with room for it (every other step while nothing moves)…</summary>
        public const int FaultWatchEveryMs = 20;

        /// <summary>…and never later than this after it (a fault is seen within it).</summary>
        public const int FaultWatchLatestMs = 40;

        /// <summary>The LEDs are updated this long after their last update, in a step with room (their patterns move in 125 ms slots)…</summary>
        public const int LedsEveryMs = 40;

        /// <summary>…and never later than this after it.</summary>
        public const int LedsLatestMs = 100;

        /// <summary>The longest the settings saver waits for a quiet tick (one without a key, planning or a moving jack, <see cref="KeysRestMs"/> after the last key).</summary>
        public const int SaverMaxWaitMs = 1000;

        /// <summary>Keys come in runs (a held key repeats, a blend sweep steps every few ticks): the settings are compared once they rest this long.</summary>
        public const int KeysRestMs = 100;

        /// <summary>A jack-detect switch settles slower than a button.</summary>
        public const int JackDebounceMs = 100;

        /// <summary>How often readable chips are asked whether they lost their registers, and the amplifier whether it overheated.</summary>
        public const int ProbeIntervalMs = 500;

        /// <summary>After 48 V phantom power switched, how long the jacks stay muted: its step at the inputs decays (τ ≈ 50 ms on the board).</summary>
        public const int PhantomSettleMs = 1000;

        /// <summary>After an input source or Hi-Z switch, how long the jacks stay muted.</summary>
        public const int InputSwitchSettleMs = 150;

        /// <summary>After a clock change, how long the codecs run on the new clocks before their outputs come back.</summary>
        public const int ClockSettleMs = 150;

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
        private readonly JackState[] _jackStates;     // the state's and the settings' per-jack arrays (they never change)
        private readonly JackSettings[] _jackSettings;
        private readonly int[] _jackCodec;            // the profile's facts per jack, read in every look
        private readonly bool[] _jackThroughAmplifier;
        private readonly JackTargets[] _targets;
        private readonly PlanInputs[] _planned;
        private readonly JackPlanner[] _planners;
        private readonly JackOutput[] _outputs;
        private readonly IAudioCodec[] _codecs;
        private readonly ChipWatch[] _codecWatch;
        private readonly CodecRecovery[] _recovery;

        // A codec that cannot make the running rate from its MCLK stays in standby, its jacks silent,
        // until a rate it can make (powered on with stale dividers it would play at the wrong rate).
        private readonly bool[] _clockRefused;
        private readonly ChipWatch _amplifierWatch = new ChipWatch();
        private readonly bool[] _planWaiting;
        private readonly bool[] _wantOpen;
        private bool _actionsThisTick;
        private bool _applied;
        private long _nextProbeMs;
        private long _saverCheckedMs;
        private long _actionAtMs = long.MinValue / 2;
        private int _meterWaits;
        private bool _watchersWaited;
        private int _probeWaits;
        private bool _steady;
        private bool _onlyRamping; // the last step was not steady only because jacks ramped
        private bool _lookedLast;
        private int _looksWaited;
        private bool _anyFading;
        private int _rampTurn;
        private bool _anyRamping; // some jack was ramping (moving or fading in) after the last step
        private bool _anyMoving; // some jack was moving towards new targets (not fading in): they take turns
        private readonly bool[] _moving;
        private int _steadyTicks;
        private long _ledsAtMs;
        private bool _stepNext = true; // the first tick steps the drivers only: the application steps at 10, 20, … ms
        private bool _driversBusy = true; // a driver's sequence ran on at the last tick: the ticks between steps step it
        private long _faultsWatchedMs;
        private bool _watchWasLate; // the last watch went into a busy or ramp step
        private bool _ledsWereLate;
        private int _exceptions;
        private long _clocksAppliedMs;
        private readonly Pca9536Expander _expander;
        private bool _phantomApplied;
        private InputType _typesApplied0;
        private InputType _typesApplied1;
        private bool _inputSwitching;
        private long _inputSwitchedAtMs = -1;
        private int _inputSettleMs;
        private int _brownOuts;
        private long _lastExceptionLogMs = -1000;
        private long _thermalUntilMs = -1;
        private readonly IHeadphoneAmplifier _amplifier;
        private IDigitalInput[] _pins;
        private DebouncedInput[] _debounced;
        private int _inputsPending; // a bit per debounced input with an edge to judge or chattering
        private int _buttonInputs; // the bits of the buttons (the jack detects follow them)
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
        private bool _codecsTakingCharge;
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
            _jackStates = _state.Jacks;
            _jackSettings = _settings.Jacks;
            _jackCodec = new int[_jackCount];
            _jackThroughAmplifier = new bool[_jackCount];
            for (int j = 0; j < _jackCount; j++)
            {
                _jackCodec[j] = profile.Jacks[j].CodecIndex;
                _jackThroughAmplifier[j] = profile.Jacks[j].ThroughAmplifier;
            }

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
            _recovery = new CodecRecovery[_codecs.Length];
            _clockRefused = new bool[_codecs.Length];
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i] = CreateCodec(profile.Codecs[i], io.Bus, _log);
                _codecWatch[i] = new ChipWatch();
            }

            if (profile.ExpanderAddress >= 0)
            {
                _expander = new Pca9536Expander(io.Bus, profile.ExpanderAddress, _log);
            }

            if (profile.HasAmplifier)
            {
                IDigitalOutput shutdown = profile.AmplifierShutdownPin >= 0 ? io.Gpio.OpenOutput(profile.AmplifierShutdownPin, false) : null;
                _amplifier = new Tpa6130a2Amplifier(io.Bus, profile.AmplifierAddress, shutdown, _log);
            }

            _targets = new JackTargets[_jackCount];
            _planned = new PlanInputs[_jackCount];
            _planWaiting = new bool[_jackCount];
            _wantOpen = new bool[_jackCount];
            _moving = new bool[_jackCount];
            _planners = new JackPlanner[_jackCount];
            _outputs = new JackOutput[_jackCount];
            for (int j = 0; j < _jackCount; j++)
            {
                JackProfile jack = profile.Jacks[j];
                IAudioCodec codec = _codecs[jack.CodecIndex];
                IHeadphoneAmplifier amplifier = jack.ThroughAmplifier ? _amplifier : null;
                _targets[j] = new JackTargets();
                _planned[j] = new PlanInputs();
                _planners[j] = new JackPlanner(jack, codec.Capabilities, amplifier != null ? amplifier.Volume : null, profile.Codecs[jack.CodecIndex].CrossFeedOnInput3);
                _outputs[j] = new JackOutput(codec, amplifier, jack.HoldHeadphoneVolume);
            }

            CreateEq(io);

            // Settings from the store (the newest valid record, clamped to what this board can do);
            // explicit settings (tests, a script) win over the store.
            if (io.Store != null)
            {
                _storage = new SettingsStorage(io.Store, new SettingsRecord(SettingsLayout.Current(), _jackCount), _log);
                if (settings == null)
                {
                    SettingsLimits limits = SettingsLimits.FromPlanners(_planners, _planners[0].CanMonitorMono);
                    for (int j = 0; j < _jackCount; j++)
                    {
                        limits.SetEqPresetCount(j, _jackEq[j] != null ? EqLibrary.Count : 0);
                    }

                    _storage.Load(_settings, limits);
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

        /// <summary>Phantom power or an input type is being switched (or waits to be): the jacks are muted meanwhile.</summary>
        public bool SwitchingInputs
        {
            get
            {
                return _inputSwitching || _settings.Phantom != _phantomApplied
                    || _settings.InputTypes[0] != _typesApplied0 || _settings.InputTypes[1] != _typesApplied1;
            }
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
            Crc32.Prepare(); // its table, before the loop runs (the first save would build it in a tick)
            OpenInputs();
            _leds = new LedController(_profile, _io.Gpio);
            if (_profile.SpeakerAmplifierPin >= 0)
            {
                _io.Gpio.OpenOutput(_profile.SpeakerAmplifierPin, false); // headphones only: the speaker amplifier stays off
            }

            _state.Phase = DevicePhase.Booting;
            _state.Busy = true;
            _io.Clock.StartTicks(DriverTickMs, Tick);
        }

        /// <summary>
        /// One tick of the loop (the clock calls it every <see cref="DriverTickMs"/>): every other
        /// one is the application's step (every <see cref="TickMs"/>), the ones between only step
        /// the chip drivers' sequences while one runs (their ramps keep the pace they were tuned
        /// at: a codec's mute from a high level must be done within a computer's 300 ms rate-change
        /// notice).
        /// Nothing ends the loop: an exception is logged (once a second at most) and every jack is
        /// muted; the next ticks carry on from there, and the jacks fade in again once the cause is gone.
        /// </summary>
        public void Tick(long nowMs)
        {
            try
            {
                _stepNext = !_stepNext;
                if (_stepNext)
                {
                    Step(nowMs);
                }
                else if (_driversBusy)
                {
                    TickDrivers(nowMs);
                }
            }
            catch (Exception e)
            {
                _exceptions++;
                if (nowMs - _lastExceptionLogMs >= 1000)
                {
                    _lastExceptionLogMs = nowMs;
                    _log.Write(LogLevel.Error, Source, "tick failed (" + _exceptions.ToString() + " so far): " + e.Message + "; jacks muted");
                }

                _driversBusy = true; // the mutes below start the drivers' sequences
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
            UserAction action;
            while (_actions.TryTake(out action))
            {
                Apply(action, nowMs);
            }

            _actionsThisTick = _applied; // keys taken above, or actions applied since the last step (tests, scripts)
            _applied = false;
            _actionAtMs = _actionsThisTick ? nowMs : _actionAtMs;

            // The watchers (jack detect, power and clocks, input switches, keep-alive, EQ loads)
            // leave a step that applied a key to its planning and writes, one step at most: their
            // own timings are tens of ms and more (a jack's debounce 100 ms, the clocks' notice
            // 300 ms), a step's 10 ms delay is within them.
            bool watchersWait = _actionsThisTick && !_watchersWaited;
            _watchersWaited = watchersWait;
            if (!watchersWait)
            {
                UpdateJackDetect(nowMs);
                StepPower(nowMs);
                UpdateInputSwitches(nowMs);
                _keepAlive.Update(nowMs, _settings.KeepAliveEnabled, _stage == ClockStage.Live && _mode == DeviceMode.Standalone,
                    _settings.KeepAlivePeriodMs, _settings.KeepAlivePulseMs);
                StepEq(nowMs);
            }

            // One jack planned a tick: a change that moves every jack (blend, monitor mode, input
            // gain) plans the next jack in the next tick, and that jack goes first there. Opening
            // and closing follow wantOpen at once; only the targets wait. Whether a jack should be
            // open, and its plan, are looked at every tick while anything moves (a key, a jack
            // ramping, the clocks or a chip not settled, an input switch, an EQ load, a plan
            // waiting) or has just started to (the clocks leave Live: a rate change, the computer
            // leaving; an input switch), and every PlanEveryTicks-th tick once all is steady: what
            // changes then without a key (a chip's status, auto gain's input gain) is seen within
            // 40 ms (a plug at once). While jacks merely ramp (nothing else moves, nothing happened
            // since the last step) every other step looks, and not a step that has other heavy work
            // (a meter step; a move's ramp beside the meters' comb, which wait out fade steps and
            // probes only), but at least every third: what a look would find then is seen 10 or 20
            // ms later. (Every 4th step was tried: a brown-out's recovery on the audio kit took
            // 3080 ms of its stated 3000.)
            bool meterStep = _meterWaits >= MeterMaxWaitTicks; // the meters waited all they may: nothing else heavy
            bool heavyAnyway = meterStep || (_anyMoving && !_anyFading && nowMs < _nextProbeMs);
            bool lookWaits = _onlyRamping && _looksWaited < 2 && (_lookedLast || heavyAnyway);
            bool moves = _actionsThisTick || _stage != ClockStage.Live || _inputSwitching || (!_steady && !lookWaits);
            bool steadyLook = !moves && ++_steadyTicks >= PlanEveryTicks && !meterStep;
            bool lookAgain = moves || steadyLook;
            if (lookAgain)
            {
                _steadyTicks = 0;
            }

            _lookedLast = lookAgain;
            _looksWaited = lookWaits ? _looksWaited + 1 : 0;

            // One jack's move a step: a ramp step writes a latched pair or two (≈700 interpreted
            // instructions with their gain look-ups), the step's largest piece beside the meters;
            // when several jacks move towards new targets at once (a blend, a monitor change) they
            // take turns, each at half its pace. A fade-in does not wait its turn: its pace is part
            // of every recovery's stated time, and a step that waited cannot be made up by a larger
            // one (4 dB at once clicks on a loud programme; tried). In a meter step no ramp.
            int ramper = -1;
            if (_anyMoving && !meterStep)
            {
                for (int k = 0; k < _jackCount && ramper < 0; k++)
                {
                    int j = _rampTurn + k;
                    j -= j >= _jackCount ? _jackCount : 0;
                    ramper = _moving[j] ? j : -1;
                }

                _rampTurn = ramper + 1 >= _jackCount ? 0 : ramper + 1;
            }

            bool anyRamping = false;
            bool anyMoving = false;
            bool anyFading = false;
            bool fadeStep = false; // a jack's fade-in stepped
            bool unsettled = false; // a jack not taken charge of yet or loading its EQ, a driver's sequence
            bool planned = false;
            bool waiting = false;
            for (int j = 0; j < _jackCount; j++)
            {
                if (lookAgain)
                {
                    _wantOpen[j] = WantOpen(j);
                    if (!planned || _planWaiting[j])
                    {
                        _planWaiting[j] = false;
                        planned |= PlanJack(j, _wantOpen[j]);
                    }
                    else
                    {
                        _planWaiting[j] = true;
                    }
                }

                waiting |= _planWaiting[j];
                if (_tookCharge && !EqLoading(j))
                {
                    JackOutput output = _outputs[j];
                    bool rampNow = !meterStep && (ramper < 0 || ramper == j || !_moving[j]);
                    fadeStep |= rampNow && output.Fading;
                    output.Advance(_targets[j], _wantOpen[j], _jackStates[j].Plugged, rampNow, nowMs);
                    bool ramping = output.Moving;
                    bool move = ramping && output.Settled; // towards new targets, not a fade-in
                    _moving[j] = move;
                    anyMoving |= move;
                    anyFading |= output.Fading;
                    anyRamping |= ramping;
                }
                else
                {
                    unsettled = true;
                }
            }

            bool rampStep = (_anyRamping || anyRamping) && !meterStep; // a jack's ramp wrote (or may have)
            _anyRamping = anyRamping;
            _anyMoving = anyMoving;
            _anyFading = anyFading;

            // The drivers step only while one is busy (a setter above may have started a sequence:
            // its first step ran at once, the rest follow here and on the ticks between steps).
            if (_driversBusy || DriversBusy())
            {
                unsettled |= TickDrivers(nowMs);
            }

            bool moving = unsettled || anyRamping;

            // The periodic work takes turns, so that no tick carries two heavy pieces (the device's
            // budget: docs/benchmarks.md). A busy tick (it applied a key or planned a jack: the
            // most work a tick does) sheds what can wait. The meters wait out busy ticks, probe
            // ticks and a settings tick that follows a metered one, MeterMaxWaitTicks in a row at
            // most (then the ramps wait a tick instead): their frames stay in the tap for the next
            // comb, and auto gain and the clip guard, fed by them, wait with them; otherwise they
            // comb every tick (a comb over several ticks' frames strides farther and can alias with
            // a steady tone). Beside the meters, one more piece a tick, each late by a tick or a few
            // at most: the look at the jacks' plans, the chip probe (every ProbeIntervalMs,
            // ProbeMaxWaitTicks late at most), a meter window's publication (a channel a tick, held
            // in busy ticks and ticks that look at the plans, MaxHeldTicks at most), the settings
            // check or a part of a save (every 100 ms, only in a quiet tick: no key, no planning nor
            // a look at the plans, no jack moving — a held key changes the settings every repeat,
            // they are compared once it rests; SaverMaxWaitMs at most), the fault watch (every other
            // tick, not a busy one; every tick while a fault is handled or a probe is due; 40 ms
            // apart at most) or the LEDs (every fourth tick, not a busy one nor with the fault
            // watch; their patterns move in 125 ms slots; 100 ms apart at most).
            bool busy = planned || _actionsThisTick;
            // (a key and its planning happened before this step's look: they leave nothing new to look at)
            bool settled = !unsettled && !waiting && _stage == ClockStage.Live && !_inputSwitching && !_state.Fault;
            _steady = settled && !busy && !anyRamping;
            _onlyRamping = settled && anyRamping;
            // heavy already: a busy tick, or the steady look (while things move every tick looks:
            // that alone is not a piece to make room for)
            bool heavy = busy || steadyLook;
            if (heavy && nowMs >= _nextProbeMs && _probeWaits < ProbeMaxWaitTicks)
            {
                _nextProbeMs = nowMs + 1;
                _probeWaits++;
            }

            bool probeTick = nowMs >= _nextProbeMs;
            _probeWaits = probeTick ? 0 : _probeWaits;
            // quiet: no key for a while (keys come in runs: a blend sweep, a held key), no planning, no jack moving
            bool quiet = !busy && !moving && nowMs - _actionAtMs >= KeysRestMs;
            bool saverTick = _saver != null && !heavy && !probeTick && _meterWaits == 0 && _saver.CheckDue(nowMs)
                && ((quiet && !lookAgain) || nowMs - _saverCheckedMs >= SaverMaxWaitMs);
            // the fault watch as late as it may be beside a ramp: the meters make room (the comb and a ramp fill a step)
            bool watchLate = nowMs - _faultsWatchedMs >= FaultWatchLatestMs && rampStep;
            bool meterWaits = (busy || probeTick || saverTick || fadeStep || watchLate) && !meterStep;
            _meterWaits = meterWaits ? _meterWaits + 1 : 0;
            heavy |= probeTick;
            int windows = 0;
            if (_inputs != null)
            {
                windows = _inputs.Meter.Windows;
                _inputs.Meter.HoldWindow = heavy || lookAgain || rampStep; // a look at the plans or a ramp is piece enough beside the meters
                _inputs.Meter.Lean = busy;
            }

            if (!meterWaits)
            {
                UpdateInputs(nowMs);
            }

            bool windowTick = _inputs != null && _inputs.Meter.Windows != windows;
            heavy |= windowTick;
            // The fault watch 20 ms after the last, the LEDs 40 ms, in the first step that is neither
            // busy nor a ramp beside the meters' comb; they share a step only if it publishes no
            // meter window and probes no chip. Either goes into any step once as late as it may be
            // (the watch 40 ms apart, the LEDs 100 ms), and then back into the next free step. In a
            // run of keys (a blend sweep steps every 40 ms: three steps of four busy or ramping) free
            // steps are few: the watch takes any of them 10 ms after the last, the LEDs 20 ms.
            long sinceWatch = nowMs - _faultsWatchedMs;
            long sinceLeds = nowMs - _ledsAtMs;
            bool keysRun = nowMs - _actionAtMs < KeysRestMs;
            bool shed = busy || (rampStep && !meterWaits); // a key's planning, or a ramp beside the meters' comb
            bool ledsForced = sinceLeds >= LedsLatestMs;
            bool watchNow = probeTick || _state.Fault || sinceWatch >= FaultWatchLatestMs
                || (!shed && !ledsForced && (sinceWatch >= FaultWatchEveryMs || _watchWasLate || keysRun));
            bool ledsNow = ledsForced || (!shed && (sinceLeds >= LedsEveryMs || _ledsWereLate || (keysRun && sinceLeds >= 2 * TickMs))
                && !(watchNow && (windowTick || probeTick)));
            if (watchNow)
            {
                WatchFaults(nowMs);
                if (probeTick || _state.Fault)
                {
                    _driversBusy |= DriversBusy(); // a probe or a recovery may have started a sequence
                }

                _faultsWatchedMs = nowMs;
                _watchWasLate = shed;
            }

            if (ledsNow)
            {
                _leds.Count = _state.EqShownPreset + 1;
                _leds.Update(nowMs, CurrentIndications(nowMs));
                _ledsAtMs = nowMs;
                _ledsWereLate = shed;
            }

            if (saverTick && !windowTick)
            {
                _saver.Tick(_settings, nowMs);
                _saverCheckedMs = nowMs;
            }
        }

        // Something changed that the jacks' plans follow (a key, a plug, an input gain): the next
        // step looks at them, whatever it would otherwise do.
        private void LookAgainNow()
        {
            _steady = false;
            _onlyRamping = false;
        }

        // The chip drivers' own sequences (power, mute, clocks), a step each; true while a codec's
        // runs. A driver that is not busy after its tick has nothing to do until the application
        // asks something of it (its setters start their sequences at once), so the ticks between
        // steps skip the drivers when none was busy after the last one.
        private bool TickDrivers(long nowMs)
        {
            bool busy = false;
            for (int i = 0; i < _codecs.Length; i++)
            {
                _codecs[i].Tick(nowMs);
                busy |= _codecs[i].Busy;
            }

            bool amplifierBusy = false;
            if (_amplifier != null)
            {
                _amplifier.Tick(nowMs);
                amplifierBusy = _amplifier.Busy;
            }

            _driversBusy = busy || amplifierBusy;
            return busy;
        }

        private bool DriversBusy()
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Busy)
                {
                    return true;
                }
            }

            return _amplifier != null && _amplifier.Busy;
        }

        // ---- helpers -------------------------------------------------------------------------------

        private static IAudioCodec CreateCodec(CodecFitting fitting, II2cBus bus, ILog log)
        {
            switch (fitting.Chip)
            {
                case CodecChip.Es8388:
                    return new Es8388Codec(bus, fitting.Address, log);
                case CodecChip.Sgtl5000:
                    return new Sgtl5000Codec(bus, fitting.Address, log);
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
