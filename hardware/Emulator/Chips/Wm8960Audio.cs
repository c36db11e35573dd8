using System;
using System.Runtime.CompilerServices;

namespace InterfaceFirmware.Emulator
{
    /// <summary>The WM8960's audio path and volume latches (see Wm8960Model.cs for the registers).</summary>
    public sealed partial class Wm8960Model
    {
        // Latched volume stages; index = stage * 2 + channel (0 left, 1 right).
        private const int StageInputPga = 0;
        private const int StageHeadphone = 1;
        private const int StageDac = 2;
        private const int StageAdc = 3;
        private const int StageSpeaker = 4; // latched like the others; the speaker outputs are not rendered
        private const int Stages = 5;
        private const int NotPending = -1;

        /// <summary>The ADC's 1st-order DC-blocking high-pass: 3.7 Hz at 48 kHz.</summary>
        private const double AdcHighPassAlpha = 0.99951588;

        private static readonly double[] DacGain = BuildTable(256, code => code == 0 ? 0 : Decibels.ToLinear((code - 255) * 0.5));
        private static readonly double[] AdcGain = BuildTable(256, code => code == 0 ? 0 : Decibels.ToLinear((code - 195) * 0.5));
        private static readonly double[] PgaGain = BuildTable(64, code => Decibels.ToLinear(-17.25 + 0.75 * code));
        private static readonly double[] HeadphoneGain = BuildTable(128, code => code < OutputVolumeLowestAudible ? 0 : Decibels.ToLinear(code - 121));

        private readonly int[] _applied = new int[Stages * 2];
        private readonly int[] _pending = new int[Stages * 2];
        private readonly long[] _forceAtUs = new long[Stages * 2];
        private readonly double[] _lastZcInput = new double[Stages * 2];
        private readonly int[] _dacRampStep = new int[2];
        private readonly bool[] _dacRampingUp = new bool[2];
        private readonly double[] _dacRampCredit = new double[2];
        private readonly double[] _adcHpfX = new double[2];
        private readonly double[] _adcHpfY = new double[2];
        private readonly double[][] _boost = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[] _scratch = new double[AudioEngine.BlockFrames];
        private readonly double[] _gain = new double[AudioEngine.BlockFrames];
        private readonly ChannelPath[] _channel = { new ChannelPath(), new ChannelPath() };
        // How many frames of a channel's capture (zeros) and pin (at _idleLevel) the last idle block
        // left, untouched since: a codec left idle (codec B until driven) need not write them again.
        // 0 once anything else renders the channel.
        private readonly int[] _idleFrames = new int[2];
        private readonly double[] _idleLevel = new double[2];
        private bool _lastDacMute;
        private double _vmidTarget;
        private long _softRampStartUs = -1;
        private double _softRampFrom;
        private long _softRampUs;

        private delegate double GainOf(int code);

        protected override double VmidTarget
        {
            get { return VmidSelect == 0 ? 0 : VmidLevel; }
        }

        public int AppliedInputPgaCode(bool left)
        {
            return _applied[StageInputPga * 2 + (left ? 0 : 1)];
        }

        public int AppliedHeadphoneCode(bool left)
        {
            return _applied[StageHeadphone * 2 + (left ? 0 : 1)];
        }

        public int AppliedDacCode(bool left)
        {
            return _applied[StageDac * 2 + (left ? 0 : 1)];
        }

        public int AppliedAdcCode(bool left)
        {
            return _applied[StageAdc * 2 + (left ? 0 : 1)];
        }

        public int AppliedSpeakerCode(bool left)
        {
            return _applied[StageSpeaker * 2 + (left ? 0 : 1)];
        }

        /// <summary>True while a latched, zero-cross-gated change waits for its zero crossing (or timeout).</summary>
        public bool InputPgaPending(bool left)
        {
            return _pending[StageInputPga * 2 + (left ? 0 : 1)] != NotPending;
        }

        public bool HeadphonePending(bool left)
        {
            return _pending[StageHeadphone * 2 + (left ? 0 : 1)] != NotPending;
        }

        /// <summary>The DAC's momentary soft-mute step (0 = muted, otherwise the applied volume code it has reached).</summary>
        public int DacRampStep(bool left)
        {
            return _dacRampStep[left ? 0 : 1];
        }

        private void ResetAudioState()
        {
            for (int ch = 0; ch < 2; ch++)
            {
                _applied[StageInputPga * 2 + ch] = PgaCode(_registers[RegLeftInputVolume + ch]);
                _applied[StageHeadphone * 2 + ch] = _registers[RegLeftOut1Volume + ch] & OutputVolumeLevel;
                _applied[StageDac * 2 + ch] = _registers[RegLeftDacVolume + ch] & DigitalVolumeLevel;
                _applied[StageAdc * 2 + ch] = _registers[RegLeftAdcVolume + ch] & DigitalVolumeLevel;
                _applied[StageSpeaker * 2 + ch] = _registers[RegLeftSpeakerVolume + ch] & OutputVolumeLevel;
                _dacRampStep[ch] = 0;
                _dacRampingUp[ch] = false;
                _dacRampCredit[ch] = 0;
                _adcHpfX[ch] = _adcHpfY[ch] = 0;
            }

            for (int i = 0; i < Stages * 2; i++)
            {
                _pending[i] = NotPending;
                _forceAtUs[i] = long.MaxValue;
            }

            _lastDacMute = true;
        }

        private static int PgaCode(int register)
        {
            // the volume, with the mute flag kept where the register has it
            return register & (InputVolumeMute | InputVolumeLevel);
        }

        // ---- VU latches --------------------------------------------------------------------------

        /// <summary>Handles a write to a latched volume register; true if it changed an applied or pending value.</summary>
        private bool ApplyLatches(int register, int value, long nowUs)
        {
            int stage;
            int zeroCrossBit;
            int first;
            switch (register)
            {
                case RegLeftInputVolume:
                case RegRightInputVolume:
                    stage = StageInputPga;
                    zeroCrossBit = InputVolumeZeroCross;
                    first = RegLeftInputVolume;
                    break;
                case RegLeftOut1Volume:
                case RegRightOut1Volume:
                    stage = StageHeadphone;
                    zeroCrossBit = OutputVolumeZeroCross;
                    first = RegLeftOut1Volume;
                    break;
                case RegLeftDacVolume:
                case RegRightDacVolume:
                    stage = StageDac;
                    zeroCrossBit = 0;
                    first = RegLeftDacVolume;
                    break;
                case RegLeftAdcVolume:
                case RegRightAdcVolume:
                    stage = StageAdc;
                    zeroCrossBit = 0;
                    first = RegLeftAdcVolume;
                    break;
                case RegLeftSpeakerVolume:
                case RegRightSpeakerVolume:
                    stage = StageSpeaker;
                    zeroCrossBit = 0; // no speaker signal is rendered to cross zero: the latch applies at once
                    first = RegLeftSpeakerVolume;
                    break;
                default:
                    return false;
            }

            if ((value & VolumeUpdate) == 0)
            {
                return false; // stored in the intermediate latch only
            }

            // VU on either register of the pair updates both channels from their stored values.
            bool changed = false;
            for (int ch = 0; ch < 2; ch++)
            {
                int stored = _registers[first + ch];
                int code = stage == StageInputPga ? PgaCode(stored) : stage == StageHeadphone || stage == StageSpeaker ? stored & OutputVolumeLevel : stored & DigitalVolumeLevel;
                int index = stage * 2 + ch;
                bool zeroCross = zeroCrossBit != 0 && (stored & zeroCrossBit) != 0;
                if (zeroCross)
                {
                    if (code != _applied[index] || _pending[index] != NotPending)
                    {
                        changed |= _pending[index] != code;
                        _pending[index] = code == _applied[index] ? NotPending : code;
                        _forceAtUs[index] = ForceTime(nowUs);
                    }
                }
                else
                {
                    changed |= _applied[index] != code || _pending[index] != NotPending;
                    _applied[index] = code;
                    _pending[index] = NotPending;
                }
            }

            return changed;
        }

        // The timeout clock ticks every period from time zero; a pending update lands on the second tick.
        private long ForceTime(long nowUs)
        {
            long period = TimeoutPeriodUs;
            if (period <= 0)
            {
                return long.MaxValue;
            }

            long firstTick = (nowUs / period + 1) * period;
            return firstTick + period;
        }

        // ---- audio ---------------------------------------------------------------------------------

        /// <summary>
        /// Processes one block. <paramref name="inputs"/> holds LINPUT1..3 then RINPUT1..3 (analogue,
        /// full-scale units, relative to VMID); <paramref name="playback"/> the I2S data from the host
        /// (left, right). Results: <see cref="CodecModel.HeadphonePin"/> and <see cref="CodecModel.Capture"/>.
        /// </summary>
        public override void Process(double[][] inputs, double[][] playback, int count, long startUs)
        {
            _nowUs = startUs;
            TrackVmid(count, startUs);
            bool clocks = ClocksValid;
            bool vref = VrefEnabled;
            double fs = clocks ? DacSampleRate : 0;
            ArmTimeouts(startUs);
            UpdateDacMuteTransition();
            _channel[0].Read(this, 0, clocks, vref);
            _channel[1].Read(this, 1, clocks, vref);

            double loadPower = 0;
            if (FusedPathEnabled && CanFuse())
            {
                ProcessChannelFused(_channel[0], inputs, playback, count, vref, ref loadPower);
                ProcessChannelFused(_channel[1], inputs, playback, count, vref, ref loadPower);
                SetHeadphoneLoad(loadPower, count);
                return;
            }

            _idleFrames[0] = _idleFrames[1] = 0;
            for (int ch = 0; ch < 2; ch++)
            {
                ChannelPath path = _channel[ch];
                double[] in1 = inputs[ch * 3];
                double[] in2 = inputs[ch * 3 + 1];
                double[] in3 = inputs[ch * 3 + 2];
                double[] boost = _boost[ch];
                Array.Clear(boost, 0, count);

                // Input PGA: gain × (non-inverting − inverting), on LMIC (input mixer power) and VREF.
                if (path.PgaActive)
                {
                    for (int i = 0; i < count; i++)
                    {
                        _scratch[i] = path.K2 * in2[i] + path.K3 * in3[i] - path.K1 * in1[i];
                    }

                    StageGains(StageInputPga, ch, _scratch, count, startUs, PgaGainOf);
                    for (int i = 0; i < count; i++)
                    {
                        boost[i] = _scratch[i] * _gain[i] * path.MicBoost;
                    }
                }
                else
                {
                    // the PGA's latch still follows zero crossings of nothing: pending stays pending
                    TrackPendingWithoutSignal(StageInputPga, ch, count, startUs);
                }

                // Boost mixer: PGA + LINPUT2/3 boosts, on AINL/AINR.
                if (path.BoostOn)
                {
                    for (int i = 0; i < count; i++)
                    {
                        boost[i] += path.G2 * in2[i] + path.G3 * in3[i];
                        boost[i] = Analog.Clip(boost[i], VmidLevel);
                    }
                }
                else
                {
                    Array.Clear(boost, 0, count);
                }

                // ADC: high-pass (unless ADCHPD), digital volume, polarity, clipping.
                double[] capture = _capture[ch];
                if (path.AdcOn)
                {
                    double x1 = _adcHpfX[ch];
                    double y1 = _adcHpfY[ch];
                    for (int i = 0; i < count; i++)
                    {
                        double x = boost[i];
                        if (path.HighPass)
                        {
                            y1 = AdcHighPassAlpha * (y1 + x - x1);
                            x1 = x;
                            x = y1;
                        }

                        capture[i] = Analog.Clip(x * path.AdcGain + AdcNoise(), 1.0);
                    }

                    _adcHpfX[ch] = x1;
                    _adcHpfY[ch] = y1;
                }
                else
                {
                    Array.Clear(capture, 0, count);
                }
            }

            RouteCapture(count);

            double[][] dacInput = (_registers[RegAudioInterface2] & AudioInterface2Loopback) != 0 ? _capture : playback;
            for (int ch = 0; ch < 2; ch++)
            {
                ChannelPath path = _channel[ch];
                double[] in3 = inputs[ch * 3 + 2];
                double[] boost = _boost[ch];
                double[] mixer = _scratch;

                // DAC: soft mute ramp × volume, optional mono mix, polarity and the −6 dB DACDIV2.
                Array.Clear(mixer, 0, count);
                DacRampGains(ch, count, fs);
                if (path.DacPath)
                {
                    double[] source = dacInput[ch];
                    double[] other = dacInput[1 - ch];
                    for (int i = 0; i < count; i++)
                    {
                        double sample = path.MonoMix ? 0.5 * (source[i] + other[i]) : source[i];
                        mixer[i] = Analog.Clip(sample * _gain[i] * path.DacScale, 1.0);
                    }
                }

                // Output mixer: DAC + LINPUT3 (LI2LO) + boost-mixer bypass (LB2LO).
                for (int i = 0; i < count; i++)
                {
                    mixer[i] += path.Input3Gain * in3[i];
                    mixer[i] += path.BypassGain * boost[i];
                }

                // Headphone PGA (zero-cross on the mixer output) and the output pin with VMID bias.
                StageGains(StageHeadphone, ch, mixer, count, startUs, HeadphoneGainOf);
                double[] voltage = _pins[ch].Voltage;
                for (int i = 0; i < count; i++)
                {
                    double vmid = _vmidTrack[i];
                    if (path.Live)
                    {
                        double signal = Analog.Clip(mixer[i] * _gain[i], vmid);
                        voltage[i] = vmid + signal;
                        loadPower += signal * signal;
                    }
                    else
                    {
                        voltage[i] = path.Driver && !vref ? 0 : vmid;
                    }
                }

                _pins[ch].ResistanceOhms = path.Driver ? DrivenOhms : DisabledOutputOhms(voltage, count);
            }

            SetHeadphoneLoad(loadPower, count);
        }

        /// <summary>
        /// Renders with the straightforward multi-pass path only (for tests that check the fused
        /// single-pass path renders the same samples). True by default.
        /// </summary>
        public bool FusedPathEnabled { get; set; } = true;

        // The fused path covers the steady state: no latched change waiting for a zero crossing, no
        // DAC ramp moving, no routing between the channels (DATSEL, LOOPBACK).
        private bool CanFuse()
        {
            for (int ch = 0; ch < 2; ch++)
            {
                if (_pending[StageInputPga * 2 + ch] != NotPending || _pending[StageHeadphone * 2 + ch] != NotPending || !DacSteady(ch))
                {
                    return false;
                }
            }

            return (_registers[RegAdditionalControl1] & Additional1DataSelect) == 0 && (_registers[RegAudioInterface2] & AudioInterface2Loopback) == 0;
        }

        // One channel, every stage in one pass, gains constant for the block: the same arithmetic as
        // the multi-pass path in Process, in the same order.
        private void ProcessChannelFused(ChannelPath path, double[][] inputs, double[][] playback, int count, bool vref, ref double loadPower)
        {
            int ch = path.Channel;
            if (!DacSoftMuted)
            {
                _dacRampStep[ch] = _applied[StageDac * 2 + ch];
                _dacRampingUp[ch] = false;
            }

            _dacRampCredit[ch] = 0;
            if (!vref)
            {
                IdleChannel(ch, count, path.Driver);
                return;
            }

            _idleFrames[ch] = 0;

            // the block's constant gains, decoded before the loop: FusedLoop runs without calls
            path.PgaGain = path.PgaActive ? PgaGainOf(_applied[StageInputPga * 2 + ch]) * path.MicBoost : 0;
            path.DacGain = DacGain[_dacRampStep[ch]] * path.DacScale;
            path.HeadphoneGain = HeadphoneGainOf(_applied[StageHeadphone * 2 + ch]);
            if (path.BoostOn && (path.HighPass || !path.AdcOn) && path.DacPath && !path.MonoMix && path.Live)
            {
                loadPower = FusedLoopDriven(this, path, inputs[ch * 3], inputs[ch * 3 + 1], inputs[ch * 3 + 2], playback[ch], count, loadPower);
            }
            else
            {
                loadPower = FusedLoop(this, path, inputs[ch * 3], inputs[ch * 3 + 1], inputs[ch * 3 + 2], playback[ch], playback[1 - ch], count, loadPower);
            }
            _pins[ch].ResistanceOhms = path.Driver ? DrivenOhms : DisabledOutputOhms(_pins[ch].Voltage, count);
        }

        // The fused loop of one channel, in a method with nothing but the loop: on x64 Unix no
        // floating-point register survives a call, and the JIT keeps a variable that is live across
        // any call (even one before the loop) on the stack. Returns the load power so far.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double FusedLoop(Wm8960Model codec, ChannelPath path, double[] in1, double[] in2, double[] in3, double[] source, double[] other, int count, double loadPower)
        {
            int ch = path.Channel;
            double[] capture = codec._capture[ch];
            double[] voltage = codec._pins[ch].Voltage;
            double[] vmidTrack = codec._vmidTrack;
            double k1 = path.K1;
            double k2 = path.K2;
            double k3 = path.K3;
            double g2 = path.G2;
            double g3 = path.G3;
            bool boostOn = path.BoostOn;
            bool adcOn = path.AdcOn;
            bool highPass = path.HighPass;
            double adcGain = path.AdcGain;
            double pgaGain = path.PgaGain;
            double x1 = codec._adcHpfX[ch];
            double y1 = codec._adcHpfY[ch];
            bool dacPath = path.DacPath;
            bool monoMix = path.MonoMix;
            double dacGain = path.DacGain;
            double gLi = path.Input3Gain;
            double gLb = path.BypassGain;
            bool live = path.Live;
            double hpGain = path.HeadphoneGain;
            uint noise = codec._adcNoiseState;

            double pgaIn = 0;
            double mixed = 0;
            for (int i = 0; i < count; i++)
            {
                pgaIn = k2 * in2[i] + k3 * in3[i] - k1 * in1[i];
                double boost = 0;
                if (boostOn)
                {
                    boost = Analog.Clip(pgaIn * pgaGain + (g2 * in2[i] + g3 * in3[i]), VmidLevel);
                }

                if (adcOn)
                {
                    double y = boost;
                    if (highPass)
                    {
                        y1 = AdcHighPassAlpha * (y1 + boost - x1);
                        x1 = boost;
                        y = y1;
                    }

                    // AdcNoise, inline
                    noise = noise * 1664525u + 1013904223u;
                    capture[i] = Analog.Clip(y * adcGain + ((int)(noise >> 8) - 8388608) * (1e-6 / 8388608.0), 1.0);
                }
                else
                {
                    capture[i] = 0;
                }

                mixed = 0;
                if (dacPath)
                {
                    mixed = Analog.Clip((monoMix ? 0.5 * (source[i] + other[i]) : source[i]) * dacGain, 1.0);
                }

                mixed += gLi * in3[i];
                mixed += gLb * boost;
                double vmid = vmidTrack[i];
                if (live)
                {
                    double signal = Analog.Clip(mixed * hpGain, vmid);
                    voltage[i] = vmid + signal;
                    loadPower += signal * signal;
                }
                else
                {
                    voltage[i] = vmid; // with VREF up, a driver off the mixer sits at VMID
                }
            }

            codec._adcNoiseState = noise;
            if (adcOn)
            {
                codec._adcHpfX[ch] = x1;
                codec._adcHpfY[ch] = y1;
            }

            codec._lastZcInput[StageInputPga * 2 + ch] = path.PgaActive && count > 0 ? pgaIn : 0;
            if (count > 0)
            {
                codec._lastZcInput[StageHeadphone * 2 + ch] = mixed;
            }

            return loadPower;
        }

        // FusedLoop for the usual configuration: boost mixer, DAC into the mixer without mono mix,
        // a live driver, the ADC (with its high-pass) on or off. One branch on the configuration
        // per sample instead of six, and each input's gains into the boost mixer (PGA × boost,
        // plus the direct LIN2/LIN3 boost) combined into one factor: the same sums, rounded once
        // less (differences around 1e-16 of full scale).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double FusedLoopDriven(Wm8960Model codec, ChannelPath path, double[] in1, double[] in2, double[] in3, double[] source, int count, double loadPower)
        {
            int ch = path.Channel;
            double[] capture = codec._capture[ch];
            double[] voltage = codec._pins[ch].Voltage;
            double[] vmidTrack = codec._vmidTrack;
            // each input pin's gain into the boost mixer, through the PGA and directly, as one factor
            double toBoost1 = -path.K1 * path.PgaGain;
            double toBoost2 = path.K2 * path.PgaGain + path.G2;
            double toBoost3 = path.K3 * path.PgaGain + path.G3;
            double adcGain = path.AdcGain;
            double x1 = codec._adcHpfX[ch];
            double y1 = codec._adcHpfY[ch];
            double dacGain = path.DacGain;
            double gLi = path.Input3Gain;
            double gLb = path.BypassGain;
            double hpGain = path.HeadphoneGain;
            bool adcOn = path.AdcOn;
            uint noise = codec._adcNoiseState;

            double mixed = 0;
            for (int i = 0; i < count; i++)
            {
                double a3 = in3[i];
                double boost = Analog.Clip(toBoost1 * in1[i] + toBoost2 * in2[i] + toBoost3 * a3, VmidLevel);
                if (adcOn)
                {
                    y1 = AdcHighPassAlpha * (y1 + boost - x1);
                    x1 = boost;
                    noise = noise * 1664525u + 1013904223u;
                    capture[i] = Analog.Clip(y1 * adcGain + ((int)(noise >> 8) - 8388608) * (1e-6 / 8388608.0), 1.0);
                }
                else
                {
                    capture[i] = 0;
                }

                mixed = Analog.Clip(source[i] * dacGain, 1.0);
                mixed += gLi * a3;
                mixed += gLb * boost;
                double vmid = vmidTrack[i];
                double signal = Analog.Clip(mixed * hpGain, vmid);
                voltage[i] = vmid + signal;
                loadPower += signal * signal;
            }

            codec._adcNoiseState = noise;
            if (adcOn)
            {
                codec._adcHpfX[ch] = x1;
                codec._adcHpfY[ch] = y1;
            }

            if (count > 0)
            {
                // the PGA's input at the last sample, for its zero-cross detector
                int last = count - 1;
                double pgaIn = path.K2 * in2[last] + path.K3 * in3[last] - path.K1 * in1[last];
                codec._lastZcInput[StageInputPga * 2 + ch] = path.PgaActive ? pgaIn : 0;
                codec._lastZcInput[StageHeadphone * 2 + ch] = mixed;
            }
            else
            {
                codec._lastZcInput[StageInputPga * 2 + ch] = 0;
            }

            return loadPower;
        }

        /// <summary>
        /// One channel's signal path as the registers set it for this block: which stages are powered
        /// and routed, and their fixed gains. Both render paths read it, so the register decoding is
        /// written once.
        /// </summary>
        private sealed class ChannelPath
        {
            public int Channel;
            public bool PgaActive;      // LMIC powered (with VREF) and the PGA routed to the boost mixer
            public double K1;           // LINPUT1 to the inverting input
            public double K2;           // LINPUT2 to the non-inverting input
            public double K3;           // LINPUT3 to the non-inverting input
            public double MicBoost;
            public bool BoostOn;        // AINL
            public double G2;           // LIN2BOOST
            public double G3;           // LIN3BOOST
            public bool AdcOn;
            public double AdcGain;      // digital volume with ADCPOL
            public bool HighPass;
            public bool MixerOn;        // LOMIX
            public bool DacPath;        // DAC powered and clocked, into a powered mixer (LD2LO)
            public bool MonoMix;
            public double DacScale;     // DACDIV2 and DACPOL
            public double Input3Gain;   // LI2LO, 0 when off
            public double BypassGain;   // LB2LO, 0 when off
            public bool Driver;         // LOUT1 enabled
            public bool Live;           // driver, mixer and VREF: the pin carries the mixer
            public double PgaGain;      // the fused path's block gains: input PGA × mic boost,
            public double DacGain;      // DAC volume × DacScale,
            public double HeadphoneGain; // headphone volume

            public void Read(Wm8960Model codec, int ch, bool clocks, bool vref)
            {
                int[] r = codec._registers;
                bool left = ch == 0;
                int signalPath = r[left ? RegAdcLeftSignalPath : RegAdcRightSignalPath];
                int boostMixer = r[left ? RegLeftInputBoostMixer : RegRightInputBoostMixer];
                int mix = r[left ? RegLeftOutMix : RegRightOutMix];
                int bypass = r[left ? RegLeftBypass : RegRightBypass];
                int power1 = r[RegPowerManagement1];
                int power2 = r[RegPowerManagement2];
                int power3 = r[RegPowerManagement3];
                int adcDac1 = r[RegAdcDacControl1];
                Channel = ch;
                PgaActive = vref && (power3 & (left ? Power3MicLeft : Power3MicRight)) != 0 && (signalPath & SignalPathToBoost) != 0;
                K1 = (signalPath & SignalPathN1) != 0 ? 1.0 : 0.0;
                K2 = (signalPath & SignalPathP2) != 0 ? 1.0 : 0.0;
                K3 = (signalPath & SignalPathP3) != 0 ? 1.0 : 0.0;
                MicBoost = Wm8960Model.MicBoost(Field(signalPath, SignalPathMicBoost));
                BoostOn = vref && (power1 & (left ? Power1AinLeft : Power1AinRight)) != 0;
                G2 = BoostGain(Field(boostMixer, BoostMixerInput2));
                G3 = BoostGain(Field(boostMixer, BoostMixerInput3));
                AdcOn = clocks && vref && (power1 & (left ? Power1AdcLeft : Power1AdcRight)) != 0;
                AdcGain = Wm8960Model.AdcGain[codec._applied[StageAdc * 2 + ch]];
                if ((adcDac1 & (left ? AdcDac1AdcPolarityLeft : AdcDac1AdcPolarityRight)) != 0)
                {
                    AdcGain = -AdcGain;
                }

                HighPass = (adcDac1 & AdcDac1AdcHighPassDisable) == 0;
                MixerOn = vref && (power3 & (left ? Power3OutMixLeft : Power3OutMixRight)) != 0;
                bool dacOn = clocks && vref && (power2 & (left ? Power2DacLeft : Power2DacRight)) != 0;
                DacPath = dacOn && MixerOn && (mix & OutMixDac) != 0;
                MonoMix = (r[RegAdditionalControl1] & Additional1MonoMix) != 0;
                DacScale = (adcDac1 & AdcDac1DacDiv2) != 0 ? 0.5 : 1.0;
                if ((r[RegAdcDacControl2] & (left ? AdcDac2DacPolarityLeft : AdcDac2DacPolarityRight)) != 0)
                {
                    DacScale = -DacScale;
                }

                Input3Gain = MixerOn && (mix & OutMixInput3) != 0 ? BypassGainOf(Field(mix, OutMixInput3Volume)) : 0;
                BypassGain = MixerOn && (bypass & BypassBoost) != 0 ? BypassGainOf(Field(bypass, BypassVolume)) : 0;
                Driver = (power2 & (left ? Power2Out1Left : Power2Out1Right)) != 0;
                Live = Driver && MixerOn;
            }
        }

        // Without VREF no analogue stage runs (a codec at its reset state, codec B on the reference
        // board until it is driven): the capture is silent, an enabled driver collapses to ground,
        // a disabled output sits at VMID or floats. What the full loop renders then, without the loop.
        private void IdleChannel(int ch, int count, bool driver)
        {
            double[] voltage = _pins[ch].Voltage;
            // the pin's level when it holds one for the whole block: 0 V (driver, DISOP) or a settled VMID
            bool grounded = driver || (_registers[RegAntiPop2] & AntiPop2Discharge) != 0;
            bool constant = grounded || _vmidTrackSettled;
            double level = grounded ? 0 : _vmidTrack[0];
            if (!constant || _idleFrames[ch] < count || _idleLevel[ch] != level)
            {
                Array.Clear(_capture[ch], 0, count);
                if (driver)
                {
                    Array.Clear(voltage, 0, count);
                }
                else
                {
                    Array.Copy(_vmidTrack, voltage, count);
                }

                _idleFrames[ch] = constant ? count : 0;
                _idleLevel[ch] = level;
            }

            _lastZcInput[StageInputPga * 2 + ch] = 0;
            if (count > 0)
            {
                _lastZcInput[StageHeadphone * 2 + ch] = 0;
            }

            _pins[ch].ResistanceOhms = driver ? DrivenOhms : DisabledOutputOhms(voltage, count);
        }

        // A disabled output is tied to VMID through VROI (500 Ω or 20 kΩ) while the tie-off buffer or
        // VREF is up, is pulled to ground through DRES when DISOP discharges it, and floats otherwise.
        private double DisabledOutputOhms(double[] voltage, int count)
        {
            if ((_registers[RegAntiPop2] & AntiPop2Discharge) != 0)
            {
                Array.Clear(voltage, 0, count);
                return 400.0;
            }

            if ((_registers[RegAntiPop1] & AntiPop1BufferIoEnable) != 0 || VrefEnabled)
            {
                return (_registers[RegAdditionalControl3] & Additional3Vroi) != 0 ? 20000.0 : 500.0;
            }

            return double.PositiveInfinity;
        }

        // VMID for each sample of the block into _vmidTrack. With SOFT_ST set when VMID is switched on,
        // it rises as a raised-cosine S-curve over 4.6 τ of the selected resistors (where the RC
        // charge would be within 1 %); otherwise it charges (or discharges) exponentially.
        private void TrackVmid(int count, long startUs)
        {
            double target = VmidTarget;
            if (target != _vmidTarget)
            {
                bool softStart = target > 0 && (_registers[RegAntiPop1] & AntiPop1SoftStart) != 0;
                _softRampStartUs = softStart ? startUs : -1;
                _softRampFrom = _vmid;
                _softRampUs = (long)(4.6 * VmidTauSeconds() * 1000000.0);
                _vmidTarget = target;
            }

            bool ramping = _softRampStartUs >= 0 && startUs - _softRampStartUs < _softRampUs;
            if (!ramping)
            {
                ChargeVmid(target, VmidTauSeconds(), count);
                return;
            }

            double vmid = _vmid;
            double step = 1.0 - Math.Exp(-1.0 / (VmidTauSeconds() * AudioEngine.SampleRate));
            for (int i = 0; i < count; i++)
            {
                long t = startUs + i * 1000000L / AudioEngine.SampleRate;
                if (ramping && t - _softRampStartUs < _softRampUs)
                {
                    double x = (t - _softRampStartUs) / (double)_softRampUs;
                    vmid = _softRampFrom + (target - _softRampFrom) * (0.5 - 0.5 * Math.Cos(Math.PI * x));
                }
                else
                {
                    vmid += (target - vmid) * step;
                }

                _vmidTrack[i] = vmid;
            }

            _vmidTrackSettled = false;
            _vmid = vmid;
        }

        private double VmidTauSeconds()
        {
            switch (VmidSelect)
            {
                case 3: return 0.012;
                case 1: return 0.120;
                case 2: return 0.600;
                default: return 0.060;
            }
        }

        private void RouteCapture(int count)
        {
            int datsel = Field(_registers[RegAdditionalControl1], Additional1DataSelect);
            double[] left = _capture[0];
            double[] right = _capture[1];
            for (int i = 0; i < count; i++)
            {
                double l = left[i];
                double r = right[i];
                switch (datsel)
                {
                    case 1: right[i] = l; break;
                    case 2: left[i] = r; break;
                    case 3: left[i] = r; right[i] = l; break;
                }
            }
        }

        // A running ADC never delivers digital silence: its converter noise, about −120 dBFS
        // (uniform, deterministic), keeps the least significant bits moving. A powered-down ADC
        // delivers exact zeros, which is how the firmware can tell a codec that lost its registers.
        private uint _adcNoiseState = 0x2545F491u;

        private double AdcNoise()
        {
            _adcNoiseState = _adcNoiseState * 1664525u + 1013904223u;
            return ((int)(_adcNoiseState >> 8) - 8388608) * (1e-6 / 8388608.0);
        }

        // Fills _gain with the soft-mute ramp × DAC volume for this block.
        // Once per block: clearing DACMU with DACSMM set starts a ramp up on both channels.
        private void UpdateDacMuteTransition()
        {
            bool muted = DacSoftMuted;
            if (!muted && _lastDacMute && (_registers[RegAdcDacControl2] & AdcDac2SoftMuteMode) != 0)
            {
                _dacRampingUp[0] = _dacRampingUp[1] = true;
            }

            _lastDacMute = muted;
        }

        // The DAC gain stays put for the whole block: muted and silent, or un-muted and not ramping.
        private bool DacSteady(int ch)
        {
            int step = _dacRampStep[ch];
            return DacSoftMuted ? step == 0 : !_dacRampingUp[ch] || step == _applied[StageDac * 2 + ch];
        }

        private void DacRampGains(int ch, int count, double fs)
        {
            bool muted = DacSoftMuted;
            int target = muted ? 0 : _applied[StageDac * 2 + ch];
            int step = _dacRampStep[ch];
            if (!muted && !_dacRampingUp[ch])
            {
                step = target; // un-muted: volume changes apply at once
            }

            // one 0.5 dB step per 2 (DACMR=0) or 32 (DACMR=1) samples of the codec's rate
            double perSample = fs > 0 ? fs / AudioEngine.SampleRate / ((_registers[RegAdcDacControl2] & AdcDac2SlowMuteRate) != 0 ? 32.0 : 2.0) : 0;
            double credit = _dacRampCredit[ch];
            for (int i = 0; i < count; i++)
            {
                if (step != target)
                {
                    credit += perSample;
                    while (credit >= 1.0 && step != target)
                    {
                        credit -= 1.0;
                        step += step < target ? 1 : -1;
                    }
                }
                else
                {
                    credit = 0;
                }

                _gain[i] = DacGain[step];
            }

            if (step == target)
            {
                _dacRampingUp[ch] = false;
            }

            _dacRampStep[ch] = step;
            _dacRampCredit[ch] = credit;
        }

        // Fills _gain for a zero-cross capable stage: the applied gain, switching to a pending one at
        // the first zero crossing of the stage's input or at the timeout.
        private void StageGains(int stage, int ch, double[] input, int count, long startUs, GainOf gainOf)
        {
            int index = stage * 2 + ch;
            double gain = gainOf(_applied[index]);
            int switchAt = count;
            if (_pending[index] != NotPending)
            {
                double previous = _lastZcInput[index];
                for (int i = 0; i < count; i++)
                {
                    double x = input[i];
                    if ((previous < 0 && x >= 0) || (previous > 0 && x <= 0))
                    {
                        switchAt = i;
                        break;
                    }

                    previous = x;
                }

                long forcedSample = _forceAtUs[index] == long.MaxValue ? long.MaxValue
                    : (_forceAtUs[index] - startUs) * AudioEngine.SampleRate / 1000000L;
                if (forcedSample < switchAt)
                {
                    switchAt = forcedSample < 0 ? 0 : (int)forcedSample;
                }
            }

            for (int i = 0; i < switchAt; i++)
            {
                _gain[i] = gain;
            }

            if (switchAt < count)
            {
                _applied[index] = _pending[index];
                _pending[index] = NotPending;
                _forceAtUs[index] = long.MaxValue;
                double next = gainOf(_applied[index]);
                for (int i = switchAt; i < count; i++)
                {
                    _gain[i] = next;
                }
            }

            _lastZcInput[index] = count > 0 ? input[count - 1] : _lastZcInput[index];
        }

        // With a stage unpowered there is no signal to cross zero: only the timeout can land a change.
        private void TrackPendingWithoutSignal(int stage, int ch, int count, long startUs)
        {
            Array.Clear(_scratch, 0, count);
            _lastZcInput[stage * 2 + ch] = 0;
            StageGains(stage, ch, _scratch, count, startUs, PgaGainOf);
        }

        // A pending change that was made while the timeout was off starts waiting once it is on.
        private void ArmTimeouts(long nowUs)
        {
            for (int i = 0; i < Stages * 2; i++)
            {
                if (_pending[i] != NotPending && _forceAtUs[i] == long.MaxValue)
                {
                    _forceAtUs[i] = ForceTime(nowUs);
                }
            }
        }

        private static double PgaGainOf(int code)
        {
            return (code & InputVolumeMute) != 0 ? 0 : PgaGain[code & InputVolumeLevel];
        }

        private static double HeadphoneGainOf(int code)
        {
            return HeadphoneGain[code & OutputVolumeLevel];
        }

        private static double MicBoost(int code)
        {
            switch (code)
            {
                case 1: return 4.4668359215096318; // +13 dB
                case 2: return 10.0;               // +20 dB
                case 3: return 28.183829312644537; // +29 dB
                default: return 1.0;
            }
        }

        // LIN2BOOST/LIN3BOOST: 000 mute, 001 −12 dB … 111 +6 dB in 3 dB steps.
        private static readonly double[] BoostGains = BuildTable(8, code => code == 0 ? 0 : Decibels.ToLinear(-12.0 + 3.0 * (code - 1)));

        // Bypass/LI2LO volumes: 000 = 0 dB … 111 = −21 dB in 3 dB steps.
        private static readonly double[] BypassGains = BuildTable(8, code => Decibels.ToLinear(-3.0 * code));

        private static double BoostGain(int code)
        {
            return BoostGains[code];
        }

        private static double BypassGainOf(int code)
        {
            return BypassGains[code];
        }


        private static double[] BuildTable(int size, GainOf gain)
        {
            var table = new double[size];
            for (int i = 0; i < size; i++)
            {
                table[i] = gain(i);
            }

            return table;
        }
    }
}
