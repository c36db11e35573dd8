using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Planning;

namespace InterfaceFirmware.Firmware.Output
{
    /// <summary>
    /// Moves one jack's chips towards its planned targets, a little every tick, so nothing clicks:
    /// the headphone volume (zero-cross latched) by at most <see cref="MoveStepCentiDb"/> a tick,
    /// the DAC's instant digital steps by at most <see cref="DigitalStepCentiDb"/> a tick (rates per
    /// second stepped per <see cref="Application.InterfaceDevice.TickMs"/>, the digital step fixed), and whichever stage goes down
    /// first, so a step is never louder on the way. Opening the jack (power-up, plug-in, un-mute)
    /// starts its level stage at the bottom and fades up at <see cref="FadeStepCentiDb"/> a tick
    /// (every tick: a fade step that waited could not be made up by a larger one, which clicks on
    /// a loud programme);
    /// what cannot change on a live output (the amplifier's gain, monitor switches) waits for the
    /// jack to be muted and settled.
    /// </summary>
    public sealed class JackOutput
    {
        /// <summary>Fade-in after opening: 200 dB/s (about 0.4 s from the bottom).</summary>
        public const int FadeCentiDbPerSecond = 20000;

        /// <summary>Fastest headphone-volume move in normal operation: 400 dB/s.</summary>
        public const int MoveCentiDbPerSecond = 40000;

        /// <summary>Largest instant digital step per tick: 0.5 dB (a bigger jump on a loud sine would click), so 50 dB/s at a 10 ms tick.</summary>
        public const int DigitalStepCentiDb = 50;

        /// <summary>Fade-in per tick: <see cref="FadeCentiDbPerSecond"/> over the tick (2 dB at 10 ms).</summary>
        public const int FadeStepCentiDb = FadeCentiDbPerSecond * Application.InterfaceDevice.TickMs / 1000;

        /// <summary>Largest headphone-volume move per tick (4 dB at 10 ms).</summary>
        public const int MoveStepCentiDb = MoveCentiDbPerSecond * Application.InterfaceDevice.TickMs / 1000;

        /// <summary>
        /// After the codec reports its mute settled, how long to wait before switching paths: the
        /// closed output code is zero-cross latched, and on a silent mixer it lands only at the
        /// codec's zero-cross timeout (43–85 ms on the WM8960).
        /// </summary>
        public const int ClosedSettleMs = 100;

        private readonly IAudioCodec _codec;
        private readonly IHeadphoneAmplifier _amplifier;
        private readonly bool _holdHeadphone;
        private readonly GainScale _headphoneScale;
        private readonly GainScale _dacScale;
        private readonly JackTargets _applied = new JackTargets();
        private MonitorGains _monitorAsked = MonitorGains.Off();
        private int _monitorGeneration = NoGeneration; // the targets' generation _monitorAsked holds
        private int _amplifierTarget = GainScale.Muted;
        private bool _open;
        private bool _fading;
        private bool _started;
        private long _mutedAtMs = -1;

        // Open, faded in and every stage at the targets of this generation: until the targets are
        // planned again (or the jack closes, a chip fails, the amplifier drops out) a tick has
        // nothing to do, and skips the comparisons that would find so.
        private bool _atRest;
        private int _restGeneration;

        // Whether the targets of _closedCheckGeneration need a closed jack (the amplifier's gain or
        // the monitor switches): asked again only when the targets are planned again or what this
        // jack holds changes, not every tick a ramp waits its turn.
        private int _closedCheckGeneration = NoGeneration;
        private bool _needsClosed;

        private const int NoGeneration = int.MinValue;

        /// <param name="amplifier">The amplifier between the codec and this jack, or null.</param>
        public JackOutput(IAudioCodec codec, IHeadphoneAmplifier amplifier, bool holdHeadphone)
        {
            _codec = codec;
            _amplifier = amplifier;
            _holdHeadphone = holdHeadphone;
            _headphoneScale = codec.Capabilities.HeadphoneVolume;
            _dacScale = codec.Capabilities.DacVolume;
            _applied.Monitor = MonitorGains.Off();
        }

        public IAudioCodec Codec
        {
            get { return _codec; }
        }

        public IHeadphoneAmplifier Amplifier
        {
            get { return _amplifier; }
        }

        /// <summary>The jack is open (un-muted) and its stages are at their targets.</summary>
        public bool Settled
        {
            get { return _open && !_fading; }
        }

        /// <summary>
        /// The chips under this jack failed or lost their registers: forget that the jack was open,
        /// so that once they are back it opens again from the bottom and fades in.
        /// </summary>
        public void Abandon(long nowMs)
        {
            _atRest = false;
            _open = false;
            _fading = false;
            _mutedAtMs = -1;
            _codec.SetMuted(true, nowMs); // the wish, kept by a failed driver for its re-sync
        }

        /// <summary>The jack is muted and settled: paths may switch.</summary>
        public bool ClosedAndSettled(long nowMs)
        {
            return !_open && _mutedAtMs >= 0 && nowMs - _mutedAtMs >= ClosedSettleMs;
        }

        /// <summary>The jack is open and every stage holds what <paramref name="targets"/> asks.</summary>
        public bool AtTargets(JackTargets targets)
        {
            return _open && !_fading && !NeedsClosedChange(targets)
                && _applied.HeadphoneCentiDb == targets.HeadphoneCentiDb && _applied.DacCentiDb == targets.DacCentiDb
                && SameMonitor(_monitorAsked, targets.Monitor);
        }

        /// <summary>The jack is open and not yet at rest at its targets: its ramp writes to the chips.</summary>
        public bool Moving
        {
            get { return _open && !_atRest; }
        }

        /// <summary>The jack is open and fading in (its level stage on the way up from the bottom).</summary>
        public bool Fading
        {
            get { return _open && _fading; }
        }

        /// <summary>The jack is open (un-muted, possibly still fading in).</summary>
        public bool Open
        {
            get { return _open; }
        }

        /// <summary>What the chips were last asked to hold.</summary>
        public JackTargets Applied
        {
            get { return _applied; }
        }

        /// <summary>
        /// Presets the chips before the codec powers up (everything lands in the drivers' caches
        /// and comes up muted).
        /// </summary>
        public void Preset(JackTargets targets)
        {
            // The driver may have started afresh (boot, a chip taken charge of again): whatever this
            // jack last asked is gone, so every stage is asked again.
            _started = false;
            _atRest = false;
            _monitorAsked = MonitorGains.Off();
            _monitorGeneration = NoGeneration;
            _closedCheckGeneration = NoGeneration;
            if (_amplifier != null)
            {
                _amplifierTarget = targets.AmplifierCentiDb;
                _applied.AmplifierCentiDb = _amplifier.SetVolume(targets.AmplifierCentiDb);
            }

            SetHeadphone(_holdHeadphone ? targets.HeadphoneCentiDb : _headphoneScale.MinCentiDb);
            SetDac(_holdHeadphone ? _dacScale.MinCentiDb : targets.DacCentiDb);
            SetMonitor(targets);
            _started = true;
        }

        /// <summary>
        /// One tick: towards the targets, open when <paramref name="wantOpen"/>, closed (muted)
        /// otherwise. <paramref name="rampNow"/> false: a ramp's step waits for the next tick (the
        /// control loop's busiest ticks make room so); opening and closing do not wait.
        /// </summary>
        public void Advance(JackTargets targets, bool wantOpen, bool pluggedIn, bool rampNow, long nowMs)
        {
            if (_atRest && wantOpen && targets.Generation == _restGeneration && _codec.Status == DriverStatus.Ok
                && (_amplifier == null || (_amplifier.Enabled && !_amplifier.Busy)))
            {
                return; // what the full tick below would find: at the targets, nothing to move
            }

            _atRest = false;
            if (!_started || _codec.Status != DriverStatus.Ok)
            {
                return;
            }

            bool needsClosed = !wantOpen || NeedsClosedChange(targets);
            if (needsClosed)
            {
                Close(targets, pluggedIn, nowMs);
                return;
            }

            if (_amplifier != null && !_amplifier.Enabled)
            {
                if (!_amplifier.Busy && _amplifier.Status == DriverStatus.Ok && _codec.Muted)
                {
                    _amplifier.SetEnabled(true, nowMs); // on the codec's silent outputs
                }

                return;
            }

            if (_amplifier != null && _amplifier.Busy)
            {
                return;
            }

            if (!_open)
            {
                // From the bottom of the level stage; the ramp below brings it up.
                SetMonitor(targets);
                if (_holdHeadphone)
                {
                    SetHeadphone(targets.HeadphoneCentiDb);
                    SetDac(_dacScale.MinCentiDb);
                }
                else
                {
                    SetHeadphone(_headphoneScale.MinCentiDb);
                    SetDac(targets.DacCentiDb);
                }

                _codec.SetMuted(false, nowMs);
                _open = true;
                _fading = true;
                _mutedAtMs = -1;
                return;
            }

            if (!rampNow || !_codec.MuteSettled(nowMs))
            {
                return;
            }

            Ramp(targets);
        }

        // Moves the stages one tick's worth towards the targets, the one going down first.
        private void Ramp(JackTargets targets)
        {
            int headphone = _applied.HeadphoneCentiDb;
            int dac = _applied.DacCentiDb;
            int headphoneTarget = targets.HeadphoneCentiDb;
            int dacTarget = targets.DacCentiDb;
            int nextHeadphone = headphone;
            int nextDac = dac;
            if (_fading && (_holdHeadphone ? dac != dacTarget : headphone != headphoneTarget))
            {
                // One stage a tick while the level stage fades in (a latched pair a tick: a fade
                // beside a blend or a level key is the control loop's busiest time): the fade, or
                // the other stage when it has to come down (a key lowered it), the fade waiting
                // then; the other stage going up waits for the fade to reach its target. Either way
                // the sum stays at or below the targets' (the fade is below its target), so the
                // split's limit below has nothing to hold back.
                bool otherDown = _holdHeadphone ? headphoneTarget < headphone : dacTarget < dac;
                if (_holdHeadphone != otherDown)
                {
                    // the DAC: the fade on a held headphone stage, or coming down
                    nextDac = Approach(dac, dacTarget, _holdHeadphone ? FadeStepCentiDb : DigitalStepCentiDb);
                }
                else
                {
                    nextHeadphone = Approach(headphone, headphoneTarget, _holdHeadphone ? MoveStepCentiDb : FadeStepCentiDb);
                }
            }
            else
            {
                nextHeadphone = Approach(headphone, headphoneTarget, _fading && !_holdHeadphone ? FadeStepCentiDb : MoveStepCentiDb);
                nextDac = Approach(dac, dacTarget, _holdHeadphone ? (_fading ? FadeStepCentiDb : MoveStepCentiDb) : DigitalStepCentiDb);
                if (headphone != GainScale.Muted && dac != GainScale.Muted && headphoneTarget != GainScale.Muted && dacTarget != GainScale.Muted)
                {
                    // The level moving from one stage to the other (the split changed): the stage going up
                    // may not outpace the one going down (2 dB against 0.5 dB a tick), or the sum on the
                    // way would be louder than both the level before and the level after.
                    int limit = headphone + dac;
                    int after = headphoneTarget + dacTarget;
                    limit = after > limit ? after : limit;
                    if (nextHeadphone > headphone && nextHeadphone + nextDac > limit)
                    {
                        nextHeadphone = HighestAtMost(_headphoneScale, limit - nextDac, headphone);
                    }
                    else if (nextDac > dac && nextHeadphone + nextDac > limit)
                    {
                        nextDac = HighestAtMost(_dacScale, limit - nextHeadphone, dac);
                    }
                }
            }

            if (nextHeadphone < headphone)
            {
                SetHeadphone(nextHeadphone);
                SetDac(nextDac);
            }
            else
            {
                SetDac(nextDac);
                SetHeadphone(nextHeadphone);
            }

            SetMonitor(targets); // same switches (checked before): gain steps only

            if (_applied.HeadphoneCentiDb == headphoneTarget && _applied.DacCentiDb == dacTarget)
            {
                _fading = false;
                _atRest = true; // the monitor was asked above
                _restGeneration = targets.Generation;
            }
        }

        private void Close(JackTargets targets, bool pluggedIn, long nowMs)
        {
            if (!_codec.Muted)
            {
                _codec.SetMuted(true, nowMs);
            }

            _open = false;
            _fading = false;
            if (!_codec.MuteSettled(nowMs))
            {
                _mutedAtMs = -1;
                return;
            }

            if (_mutedAtMs < 0)
            {
                _mutedAtMs = nowMs;
            }

            if (nowMs - _mutedAtMs < ClosedSettleMs)
            {
                return;
            }

            // Silent now: what may not change on a live output changes here.
            if (_amplifier != null)
            {
                if (_amplifierTarget != targets.AmplifierCentiDb)
                {
                    _amplifierTarget = targets.AmplifierCentiDb;
                    _closedCheckGeneration = NoGeneration;
                    _applied.AmplifierCentiDb = _amplifier.SetVolume(targets.AmplifierCentiDb);
                }

                if (!pluggedIn && _amplifier.Enabled && !_amplifier.Busy)
                {
                    _amplifier.SetEnabled(false, nowMs); // nothing plugged in: the amplifier powered down
                }
            }

            SetMonitor(targets);
        }

        // The amplifier's gain and the monitor switches change only on a silent jack.
        private bool NeedsClosedChange(JackTargets targets)
        {
            if (targets.Generation != _closedCheckGeneration)
            {
                _closedCheckGeneration = targets.Generation;
                _needsClosed = (_amplifier != null && _amplifierTarget != targets.AmplifierCentiDb) || !SameSwitches(_monitorAsked, targets.Monitor);
            }

            return _needsClosed;
        }

        private void SetHeadphone(int centiDb)
        {
            if (centiDb == _applied.HeadphoneCentiDb && _started)
            {
                return;
            }

            _applied.HeadphoneCentiDb = _codec.SetHeadphoneVolume(StereoGain.Both(centiDb)).Left;
        }

        private void SetDac(int centiDb)
        {
            if (centiDb == _applied.DacCentiDb && _started)
            {
                return;
            }

            _applied.DacCentiDb = _codec.SetDacVolume(StereoGain.Both(centiDb)).Left;
        }

        // What was asked is kept apart from what the chip achieved (a path may land lower than asked).
        private void SetMonitor(JackTargets targets)
        {
            if (_started && targets.Generation == _monitorGeneration)
            {
                return; // asked for these targets already
            }

            _monitorGeneration = targets.Generation;
            MonitorGains gains = targets.Monitor;
            if (_started && SameMonitor(_monitorAsked, gains))
            {
                return;
            }

            _monitorAsked = gains;
            _closedCheckGeneration = NoGeneration;
            _applied.Monitor = _codec.SetMonitor(gains);
        }

        // The highest level the stage can make at or below ceiling, but not below current (it stays put then).
        private static int HighestAtMost(GainScale scale, int ceiling, int current)
        {
            for (int ask = ceiling; ask > current; ask -= 25)
            {
                int made = scale.Quantize(ask);
                if (made <= ceiling && made > current)
                {
                    return made;
                }
            }

            return current;
        }

        private static int Approach(int current, int target, int step)
        {
            if (current == GainScale.Muted || target == GainScale.Muted)
            {
                return target;
            }

            if (target > current)
            {
                return target - current > step ? current + step : target;
            }

            return current - target > step ? current - step : target;
        }

        private static bool SameMonitor(MonitorGains a, MonitorGains b)
        {
            return a.LeftToLeft == b.LeftToLeft && a.LeftToRight == b.LeftToRight && a.RightToLeft == b.RightToLeft && a.RightToRight == b.RightToRight
                && a.Playback == b.Playback;
        }

        // Which paths are switched on (gains aside).
        private static bool SameSwitches(MonitorGains a, MonitorGains b)
        {
            return (a.LeftToLeft == GainScale.Muted) == (b.LeftToLeft == GainScale.Muted)
                && (a.LeftToRight == GainScale.Muted) == (b.LeftToRight == GainScale.Muted)
                && (a.RightToLeft == GainScale.Muted) == (b.RightToLeft == GainScale.Muted)
                && (a.RightToRight == GainScale.Muted) == (b.RightToRight == GainScale.Muted);
        }
    }
}
