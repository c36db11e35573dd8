using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>
    /// NXP SGTL5000 codec driver (Linux sound/soc/codecs/sgtl5000.c/.h; the Teensy Audio library's
    /// control_sgtl5000.cpp; NXP SGTL5000 datasheet as quoted there): readable 16-bit registers
    /// behind the cache, an I2S slave on MCLK 256/384/512·fs, the DAC's soft-mute ramp
    /// (VOL_RAMP_EN), zero-cross headphone and ADC gain, the VAG ramp with SMALL_POP around
    /// powered, muted output amplifiers, the line-in → headphone bypass as the monitor, and the
    /// line out as a second output with its own volume.
    /// </summary>
    /// <remarks>
    /// <para>No reset: the chip has no reset pin and no soft reset (Linux sgtl5000_fill_defaults).
    /// <see cref="CodecDriver.Start"/> writes every register the driver relies on
    /// (<see cref="Sgtl5000Registers.Relied"/>): it reads each one and writes those that differ, and a re-sync with
    /// <c>resetChip</c> writes their reset values first, as Linux does at probe. Start assumes
    /// the outputs are not live (a power-on); <see cref="CodecDriver.TakeCharge"/> adopts a chip
    /// found with its headphone amplifier up and takes it down through the driver's own sequence.
    /// A chip that lost its registers while its outputs were up comes back VAG first (its coupling
    /// capacitors are still charged: <see cref="Sgtl5000Sequences.OffToStandbyCharged"/>).</para>
    /// <para>Routing: input 1 is the stereo line in, input 2 the (mono) microphone through its
    /// preamp (<see cref="SetMicGain"/>), both sides alike (the ADC has one selector). The
    /// input gain is the ADC's analogue volume, 0 … +22.5 dB in 1.5 dB, zero-cross; the chip has
    /// no digital ADC volume (fixed 0 dB). Playback: I2S → DAP → DAC (from start; I2S → DAC with
    /// <see cref="RouteThroughDap"/>(false)) → headphone and line out.</para>
    /// <para>Monitor: the DAP mixer (<see cref="SetMonitor"/>): the ADC beside I2S playback, each at
    /// its own gain, so the blend works and the EQ and the limiter apply to what is monitored; the
    /// price is the converters' filter delay (in the codec, not a round trip through a computer).
    /// The analogue line-in → headphone bypass (SELECT_HP, <see cref="SetLineInBypass"/>) has no
    /// delay but replaces playback and skips the DAP: offered, not used by the firmware.</para>
    /// <para>Line out: the second output, DAC only, its own volume (<see cref="SetLineOutVolume"/>,
    /// 0.5 dB steps, applied at once: ramp big changes) and MUTE_LO, which the mute and power
    /// sequences set and clear while the DAC is soft-muted.</para>
    /// </remarks>
    public sealed class Sgtl5000Codec : CodecDriver
    {
        /// <summary>CTRL_ADR0_CS low (0x2A with it high).</summary>
        public const int DefaultAddress = 0x0A;

        private readonly Sgtl5000ClockPlan _plan = new Sgtl5000ClockPlan();
        private readonly Sgtl5000ClockPlan _candidate = new Sgtl5000ClockPlan();
        private bool _clocksConfigured;
        private bool _outputsMayBeCharged;

        public Sgtl5000Codec(II2cBus bus, int address, ILog log)
            : base(new RegisterBank(new WordRegisterPort(bus, address), Sgtl5000Registers.ResetValues()), Sgtl5000Profile.Profile, log)
        {
        }

        /// <summary>The clocking in use (valid once <see cref="CodecDriver.ConfigureClocks"/> succeeded).</summary>
        public Sgtl5000ClockPlan Clocks
        {
            get { return _plan; }
        }

        // ---- gains and routing ---------------------------------------------------------------------

        /// <summary>Input 1 = line in, input 2 = microphone; both sides must choose alike.</summary>
        public override DriverStatus SelectInputs(InputSource left, InputSource right)
        {
            if (left != right || (left != InputSource.Input1 && left != InputSource.Input2))
            {
                return DriverStatus.Unsupported;
            }

            Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.SelectAdcLineIn, left == InputSource.Input1 ? Sgtl5000Registers.SelectAdcLineIn : 0);
            return Status;
        }

        /// <summary>The ADC's analogue volume, both sides in one write; both muted sets MUTE_ADC (one side alone lands at 0 dB).</summary>
        public override StereoGain SetInputGain(StereoGain requested)
        {
            int left = Sgtl5000Gains.AdcInput.CodeFor(requested.Left);
            int right = Sgtl5000Gains.AdcInput.CodeFor(requested.Right);
            if (left == Sgtl5000Gains.AdcMuteCode && right == Sgtl5000Gains.AdcMuteCode)
            {
                Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteAdc, Sgtl5000Registers.MuteAdc);
                return StereoGain.Both(GainScale.Muted);
            }

            left = left == Sgtl5000Gains.AdcMuteCode ? 0 : left;
            right = right == Sgtl5000Gains.AdcMuteCode ? 0 : right;
            Update(Sgtl5000Registers.AnalogAdcControl, Sgtl5000Registers.AdcVolumeMask | Sgtl5000Registers.AdcMinus6Db,
                left | (right << Sgtl5000Registers.AdcVolumeRightShift));
            Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteAdc, 0);
            return new StereoGain(Sgtl5000Gains.AdcInput.CentiDbFor(left), Sgtl5000Gains.AdcInput.CentiDbFor(right));
        }

        /// <summary>The microphone preamp (0, +20, +30, +40 dB); returns what was set, in 0.01 dB.</summary>
        public int SetMicGain(int centiDb)
        {
            int code = Sgtl5000Gains.MicPreamp.CodeFor(centiDb);
            Update(Sgtl5000Registers.MicControl, Sgtl5000Registers.MicGainMask, code);
            return Sgtl5000Gains.MicPreamp.CentiDbFor(code);
        }

        /// <summary>No digital ADC volume on this chip: always 0 dB.</summary>
        public override StereoGain SetAdcVolume(StereoGain requested)
        {
            return StereoGain.Both(0);
        }

        /// <summary>DAC volume, both sides in one write, ramped by the chip (VOL_RAMP_EN); a mute request writes 0xFC.</summary>
        public override StereoGain SetDacVolume(StereoGain requested)
        {
            int left = Sgtl5000Gains.Dac.CodeFor(requested.Left);
            int right = Sgtl5000Gains.Dac.CodeFor(requested.Right);
            Update(Sgtl5000Registers.DacVolume, 0xFFFF, left | (right << 8));
            return new StereoGain(Sgtl5000Gains.Dac.CentiDbFor(left), Sgtl5000Gains.Dac.CentiDbFor(right));
        }

        /// <summary>
        /// The monitor in the DAP mixer: the ADC (the selected input, after the input gain) at
        /// DAP_MIX_CHAN beside I2S playback at DAP_MAIN_CHAN (<see cref="MonitorGains.Playback"/>),
        /// ahead of the EQ, the limiter and the DAC volume. One gain serves both sides, straight
        /// (left to left): the louder straight path's; no cross paths. Gains change at once (the
        /// mixer has no ramp): the firmware steps them 1 dB at a time, and switches the monitor
        /// on or off with the outputs muted.
        /// </summary>
        public override MonitorGains SetMonitor(MonitorGains requested)
        {
            int wanted = requested.LeftToLeft > requested.RightToRight ? requested.LeftToLeft : requested.RightToRight;
            int mix = wanted == GainScale.Muted ? Sgtl5000Gains.DapMixerOffCode : Sgtl5000Gains.DapMixer.CodeFor(wanted);
            int main = requested.Playback == GainScale.Muted ? Sgtl5000Gains.DapMixerOffCode : Sgtl5000Gains.DapMixer.CodeFor(requested.Playback);
            Update(Sgtl5000Registers.DapMainChannel, 0xFFFF, Sgtl5000Gains.MixerValue(main));
            Update(Sgtl5000Registers.DapMixChannel, 0xFFFF, Sgtl5000Gains.MixerValue(mix));
            Update(Sgtl5000Registers.DapControl, Sgtl5000Registers.DapMixEnable, mix == Sgtl5000Gains.DapMixerOffCode ? 0 : Sgtl5000Registers.DapMixEnable);
            MonitorGains achieved = MonitorGains.Off();
            achieved.LeftToLeft = Sgtl5000Gains.DapMixer.CentiDbFor(mix);
            achieved.RightToRight = achieved.LeftToLeft;
            achieved.Playback = Sgtl5000Gains.DapMixer.CentiDbFor(main);
            return achieved;
        }

        /// <summary>
        /// The analogue line-in → headphone bypass (SELECT_HP): zero latency, the headphone volume
        /// applies, but it REPLACES the DAC at the headphone (no blend, no cross-feed, both sides
        /// together) and skips the DAP (no EQ, no limiter). Not the firmware's monitor (that is
        /// <see cref="SetMonitor"/>); switch it with the outputs muted.
        /// </summary>
        public DriverStatus SetLineInBypass(bool on)
        {
            Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.SelectHeadphoneLineIn, on ? Sgtl5000Registers.SelectHeadphoneLineIn : 0);
            return Status;
        }

        /// <summary>The line out's volume (see <see cref="Sgtl5000Gains.LineOut"/>), applied at once; a mute request lands on the lowest level.</summary>
        public StereoGain SetLineOutVolume(StereoGain requested)
        {
            int left = Sgtl5000Gains.LineOut.CodeFor(requested.Left);
            int right = Sgtl5000Gains.LineOut.CodeFor(requested.Right);
            Update(Sgtl5000Registers.LineOutVolume, 0x1F1F, left | (right << Sgtl5000Registers.LineOutRightShift));
            return new StereoGain(Sgtl5000Gains.LineOut.CentiDbFor(left), Sgtl5000Gains.LineOut.CentiDbFor(right));
        }

        /// <summary>
        /// Playback through the DAP (I2S → DAP → DAC) or straight (I2S → DAC). Change it while the
        /// outputs are muted: the path switches at once.
        /// </summary>
        public DriverStatus RouteThroughDap(bool throughDap)
        {
            Update(Sgtl5000Registers.SourceSelect, Sgtl5000Registers.DapSelectMask | Sgtl5000Registers.DacSelectMask,
                throughDap ? Sgtl5000Registers.RoutingThroughDap : Sgtl5000Registers.RoutingDirect);
            Update(Sgtl5000Registers.DapControl, Sgtl5000Registers.DapEnable, throughDap ? Sgtl5000Registers.DapEnable : 0);
            return Status;
        }

        /// <summary>
        /// Loads one DAP biquad (index 0–6): 20-bit coefficients, 1.0 = 2^18, a1 and a2 negated as
        /// the chip wants them (Teensy calcBiquad); MSB register = bits 19:4, LSB = bits 3:0, then
        /// the strobe. The chip applies it at the strobe (one filter at a time: fade around a change).
        /// </summary>
        public DriverStatus WriteBiquad(int index, int b0, int b1, int b2, int a1, int a2)
        {
            Write(Sgtl5000Registers.DapFilterCoefficientAccess, index);
            WriteCoefficient(Sgtl5000Registers.DapCoefficientB0Msb, Sgtl5000Registers.DapCoefficientB0Lsb, b0);
            WriteCoefficient(Sgtl5000Registers.DapCoefficientB1Msb, Sgtl5000Registers.DapCoefficientB1Lsb, b1);
            WriteCoefficient(Sgtl5000Registers.DapCoefficientB2Msb, Sgtl5000Registers.DapCoefficientB2Lsb, b2);
            WriteCoefficient(Sgtl5000Registers.DapCoefficientA1Msb, Sgtl5000Registers.DapCoefficientA1Lsb, a1);
            WriteCoefficient(Sgtl5000Registers.DapCoefficientA2Msb, Sgtl5000Registers.DapCoefficientA2Lsb, a2);
            StrobeCoefficients(index);
            return Status;
        }

        /// <summary>The parametric EQ with <paramref name="count"/> biquads (0–7; 0 switches the EQ off).</summary>
        public DriverStatus SetParametricEq(int count)
        {
            count = count < 0 ? 0 : (count > 7 ? 7 : count);
            Update(Sgtl5000Registers.DapPeq, 0x7, count);
            Update(Sgtl5000Registers.DapAudioEq, Sgtl5000Registers.AudioEqMask, count > 0 ? Sgtl5000Registers.AudioEqParametric : Sgtl5000Registers.AudioEqOff);
            return Status;
        }

        /// <summary>
        /// Reads CHIP_REF_CTRL back: the driver sets VAG, bias and SMALL_POP at start (0x01F3), the
        /// chip resets to 0x0000, so a different value means the registers were lost.
        /// </summary>
        public override DriverStatus ProbeForReset(out bool wasReset)
        {
            return ProbeRegister(Sgtl5000Registers.ReferenceControl, "CHIP_REF_CTRL", out wasReset);
        }

        // ---- CodecDriver ---------------------------------------------------------------------------

        protected override SequenceStep[] ClockSequence
        {
            get { return _clocksConfigured ? Sgtl5000Sequences.Clocks : null; }
        }

        protected override void LoadDefaults()
        {
            _clocksConfigured = false;
            RegisterCache cache = Registers.Cache;
            for (int i = 0; i < Sgtl5000Registers.Relied.Length; i++)
            {
                // No reset: learn what the chip holds (a warm boot leaves the last values), so the
                // flush writes exactly the registers that differ. Unreadable: write them all.
                int register = Sgtl5000Registers.Relied[i];
                int value;
                if (Registers.ReadChip(register, out value))
                {
                    cache.MarkChipHolds(register, value);
                }
                else
                {
                    cache.MarkUnknown(register);
                }
            }

            // What the driver has no default for is learnt as the chip holds it (Sgtl5000Registers.LearntAtStart).
            for (int i = 0; i < Sgtl5000Registers.LearntAtStart.Length; i++)
            {
                int register = Sgtl5000Registers.LearntAtStart[i];
                int value;
                if (Registers.ReadChip(register, out value))
                {
                    cache.MarkChipHolds(register, value);
                    cache.Set(register, value);
                }
                else
                {
                    cache.MarkUnknown(register);
                }
            }

            // Supplies (VDDA = VDDIO = 3.3 V, external VDDD as on the Teensy adapter): the start-up
            // regulators off, the charge pump from VDDIO, VAG 1.575 V with SMALL_POP, line-out VAG 1.65 V.
            cache.Set(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.AnalogPowerOff);
            cache.Set(Sgtl5000Registers.DigitalPower, 0);
            cache.Set(Sgtl5000Registers.ClockControl, 0x0008);
            cache.Set(Sgtl5000Registers.LinearRegulatorControl, Sgtl5000Registers.LinearRegulator3V3);
            cache.Set(Sgtl5000Registers.ReferenceControl, Sgtl5000Registers.ReferenceSetting);
            cache.Set(Sgtl5000Registers.LineOutControl, Sgtl5000Registers.LineOutSetting);
            cache.Set(Sgtl5000Registers.ShortControl, 0x4444); // headphone short detect at 125 mA, auto reset (Teensy's levels)
            cache.Set(Sgtl5000Registers.ClockTopControl, 0);

            // Outputs muted with zero-cross on, line in to the ADC; the headphone at its lowest level.
            cache.Set(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteLineOut | Sgtl5000Registers.HeadphoneZeroCross
                | Sgtl5000Registers.MuteHeadphone | Sgtl5000Registers.SelectAdcLineIn | Sgtl5000Registers.AdcZeroCross);
            cache.Set(Sgtl5000Registers.HeadphoneControl, 0x7F7F);
            cache.Set(Sgtl5000Registers.AnalogAdcControl, 0);
            cache.Set(Sgtl5000Registers.MicControl, Sgtl5000Registers.MicBiasSetting);
            cache.Set(Sgtl5000Registers.LineOutVolume, Sgtl5000Gains.LineOutNominalCode | (Sgtl5000Gains.LineOutNominalCode << 8));

            // The DAC soft-muted with the exponential volume ramp, at 0 dB; I2S slave (reset: 24-bit I2S).
            cache.Set(Sgtl5000Registers.AdcDacControl, Sgtl5000Registers.VolumeRamp | Sgtl5000Registers.VolumeExponentialRamp | Sgtl5000Registers.DacMute);
            cache.Set(Sgtl5000Registers.DacVolume, 0x3C3C);
            cache.Set(Sgtl5000Registers.I2sControl, Sgtl5000Registers.DataLength24);
            // Playback through the DAP, always: its mixer carries the monitor, its EQ and limiter
            // are loaded on request (switching the route later would jump on a live output). The
            // mixer's second input is the ADC (DAP_MIX_SELECT 0), off until the monitor asks.
            cache.Set(Sgtl5000Registers.SourceSelect, Sgtl5000Registers.RoutingThroughDap);
            cache.Set(Sgtl5000Registers.DapControl, Sgtl5000Registers.DapEnable);
            cache.Set(Sgtl5000Registers.DapPeq, 0);
            cache.Set(Sgtl5000Registers.DapBassEnhance, 0x0040);
            cache.Set(Sgtl5000Registers.DapAudioEq, 0);
            cache.Set(Sgtl5000Registers.DapSurround, 0x0040);
            cache.Set(Sgtl5000Registers.DapMainChannel, Sgtl5000Registers.DapUnity);
            cache.Set(Sgtl5000Registers.DapMixChannel, 0);
            cache.Set(Sgtl5000Registers.DapAvcControl, 0x5100);
        }

        /// <summary>
        /// A chip whose headphone amplifier is powered (left playing by an earlier run, or still up
        /// after the bus failed under it) is adopted as it is — every relied register as the chip
        /// holds it, On, its headphone level and DAC mute as read — and goes down through the
        /// driver's own On → Standby (the DAC's soft mute, the headphone stepped down and muted),
        /// after which the driver's defaults return. A chip with its outputs off starts as
        /// <see cref="CodecDriver.Start"/> does.
        /// </summary>
        protected override SequenceStep[] BeginTakeOver(long nowMs)
        {
            int power;
            if (!Registers.ReadChip(Sgtl5000Registers.AnalogPower, out power))
            {
                Fail("does not answer a read of CHIP_ANA_POWER");
                return null;
            }

            if ((power & Sgtl5000Registers.HeadphonePower) == 0)
            {
                return null; // the outputs are off: nothing to be heard
            }

            RegisterCache cache = Registers.Cache;
            for (int i = 0; i < Sgtl5000Registers.Relied.Length; i++)
            {
                int register = Sgtl5000Registers.Relied[i];
                int value;
                if (!Registers.ReadChip(register, out value))
                {
                    Fail("does not answer a read of register 0x" + register.ToString("X4"));
                    return null;
                }

                cache.MarkChipHolds(register, value);
                cache.Set(register, value);
            }

            int headphone = cache.Get(Sgtl5000Registers.HeadphoneControl);
            bool hpMuted = (cache.Get(Sgtl5000Registers.AnalogControl) & Sgtl5000Registers.MuteHeadphone) != 0;
            int left = hpMuted ? Sgtl5000Gains.HeadphoneMuteCode : Sgtl5000Gains.HeadphoneCode(headphone);
            int right = hpMuted ? Sgtl5000Gains.HeadphoneMuteCode : Sgtl5000Gains.HeadphoneCode(headphone >> 8);
            _clocksConfigured = false;
            _outputsMayBeCharged = true;
            AdoptLive(left, right, (cache.Get(Sgtl5000Registers.AdcDacControl) & Sgtl5000Registers.DacMute) == Sgtl5000Registers.DacMute, nowMs);
            return null;
        }

        /// <summary>
        /// No reset command exists: mute the outputs, then write the reset value of every register
        /// the driver relies on (Linux sgtl5000_fill_defaults), so the chip is where a power-on
        /// leaves it.
        /// </summary>
        protected override bool ResetChip()
        {
            RegisterCache cache = Registers.Cache;
            if (!Registers.Port.Write(Sgtl5000Registers.AnalogControl, cache.ResetValue(Sgtl5000Registers.AnalogControl)))
            {
                return false;
            }

            for (int i = 0; i < Sgtl5000Registers.Relied.Length; i++)
            {
                int register = Sgtl5000Registers.Relied[i];
                if (register != Sgtl5000Registers.AnalogControl && !Registers.Port.Write(register, cache.ResetValue(register)))
                {
                    return false;
                }
            }

            return true;
        }

        // The output amplifiers were last brought up by this driver and not taken down through its
        // own sequence (which ramps VAG down under them): if the chip lost its registers since (a
        // brown-out, a reset), the coupling capacitors still hold VAG's charge and the way up starts
        // with VAG (Sgtl5000Sequences.OffToStandbyCharged). A driver that never powered them (a cold
        // boot, a new ESP32 run) takes the datasheet order.
        protected override SequenceStep[] TransitionSequence(CodecPowerState from, CodecPowerState to)
        {
            if (from == CodecPowerState.Off && to == CodecPowerState.Standby)
            {
                bool charged = _outputsMayBeCharged;
                _outputsMayBeCharged = true;
                return charged ? Sgtl5000Sequences.OffToStandbyCharged : Sgtl5000Sequences.OffToStandby;
            }

            if (from == CodecPowerState.Standby && to == CodecPowerState.Off)
            {
                _outputsMayBeCharged = false;
            }

            return base.TransitionSequence(from, to);
        }

        protected override void OnChipReset()
        {

            // The outputs are down and muted at reset: the power-up opens them from mute.
            Registers.Cache.Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteHeadphone | Sgtl5000Registers.MuteLineOut,
                Sgtl5000Registers.MuteHeadphone | Sgtl5000Registers.MuteLineOut);

            // The start-up regulators come back on with the reset: off again (external VDDD), before the sequences.
            Registers.Cache.Set(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.AnalogPowerOff);
        }

        protected override DriverStatus PlanClocks(int sampleRate, int mclkHz)
        {
            DriverStatus status = _candidate.Compute(sampleRate, mclkHz);
            if (status != DriverStatus.Ok)
            {
                return status;
            }

            _plan.CopyFrom(_candidate);
            _clocksConfigured = true;
            return DriverStatus.Ok;
        }

        protected override DriverStatus ApplyFormat(int wordLength, InterfaceFormat format)
        {
            int lengthBits;
            switch (wordLength)
            {
                case 16: lengthBits = Sgtl5000Registers.DataLength16; break;
                case 20: lengthBits = Sgtl5000Registers.DataLength20; break;
                case 24: lengthBits = Sgtl5000Registers.DataLength24; break;
                case 32: lengthBits = Sgtl5000Registers.DataLength32; break;
                default: return DriverStatus.Unsupported;
            }

            int formatBits;
            switch (format)
            {
                case InterfaceFormat.I2s: formatBits = Sgtl5000Registers.I2sModeI2sOrLeft; break;
                case InterfaceFormat.LeftJustified: formatBits = Sgtl5000Registers.I2sModeI2sOrLeft | Sgtl5000Registers.LrAlign; break;
                case InterfaceFormat.RightJustified: formatBits = Sgtl5000Registers.I2sModeRight; break;
                default: formatBits = Sgtl5000Registers.I2sModePcm; break;
            }

            if (wordLength == 32 && format == InterfaceFormat.RightJustified)
            {
                return DriverStatus.Unsupported; // DLEN 32 is not valid for right-justified
            }

            // Slave (MS = 0) with BCLK at 64·fs (SCLKFREQ = 0), as the bridge and the ESP32 drive it.
            Update(Sgtl5000Registers.I2sControl, Sgtl5000Registers.I2sFormatMask, lengthBits | formatBits);
            return Status;
        }

        /// <summary>
        /// Playback is the I2S input (CHIP_DIG_POWER bit 0, I2S_IN_POWERUP), capture the I2S output
        /// (bit 1, I2S_OUT_POWERUP): Linux's DAPM "AIFIN" and "AIFOUT" (sound/soc/codecs/sgtl5000.c).
        /// The ADC, DAP and DAC stay: the monitor is mixed in the DAP from the ADC and reaches the
        /// headphone through the DAC.
        /// </summary>
        protected override StepResult ApplyBlockPower(CodecBlocks blocks)
        {
            int bits = ((blocks & CodecBlocks.Playback) != 0 ? Sgtl5000Registers.DigitalI2sIn : 0)
                | ((blocks & CodecBlocks.Capture) != 0 ? Sgtl5000Registers.DigitalI2sOut : 0);
            Update(Sgtl5000Registers.DigitalPower, Sgtl5000Registers.DigitalI2sIn | Sgtl5000Registers.DigitalI2sOut, bits);
            return Outcome();
        }

        protected override StepResult PerformChipAction(int action, long nowMs)
        {
            switch (action)
            {
                case Sgtl5000Sequences.WriteClocks:
                    Update(Sgtl5000Registers.ClockControl, Sgtl5000Registers.RateModeMask | Sgtl5000Registers.SysFsMask | Sgtl5000Registers.MclkFreqMask,
                        _plan.ClockControl);
                    return Outcome();
                case Sgtl5000Sequences.PowerOutputAmplifiers:
                    bool lineOut = (BlocksNeeded & CodecBlocks.LineOutputs) != 0;
                    Update(Sgtl5000Registers.AnalogPower, Sgtl5000Registers.HeadphonePower | Sgtl5000Registers.LineOutPower | Sgtl5000Registers.ReferenceTop,
                        Sgtl5000Registers.HeadphonePower | Sgtl5000Registers.ReferenceTop | (lineOut ? Sgtl5000Registers.LineOutPower : 0));
                    return Outcome();
                case Sgtl5000Sequences.OpenLineOut:
                    Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteLineOut, 0);
                    return Outcome();
                case Sgtl5000Sequences.CloseLineOut:
                    Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteLineOut, Sgtl5000Registers.MuteLineOut);
                    return Outcome();
                default:
                    return StepResult.Failed;
            }
        }

        /// <summary>The headphone code of one side: the mute code while MUTE_HP is set.</summary>
        protected override int OutputCode(bool left)
        {
            if ((Registers.Get(Sgtl5000Registers.AnalogControl) & Sgtl5000Registers.MuteHeadphone) != 0)
            {
                return Sgtl5000Gains.HeadphoneMuteCode;
            }

            int field = Registers.Get(Sgtl5000Registers.HeadphoneControl) >> (left ? 0 : Sgtl5000Registers.HeadphoneRightShift);
            return Sgtl5000Gains.HeadphoneCode(field);
        }

        /// <summary>
        /// Both sides in CHIP_ANA_HP_CTRL (one write, zero-cross), MUTE_HP cleared after it; both
        /// muted sets MUTE_HP and leaves the level. One side muted alone lands on −51.5 dB (one mute bit).
        /// </summary>
        protected override void WriteOutputLevel(int leftCode, int rightCode)
        {
            int mute = Sgtl5000Gains.HeadphoneMuteCode;
            if (leftCode == mute && rightCode == mute)
            {
                Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteHeadphone, Sgtl5000Registers.MuteHeadphone);
                return;
            }

            int left = Sgtl5000Gains.HeadphoneField(leftCode == mute ? 1 : leftCode);
            int right = Sgtl5000Gains.HeadphoneField(rightCode == mute ? 1 : rightCode);
            Update(Sgtl5000Registers.HeadphoneControl, 0x7F7F, left | (right << Sgtl5000Registers.HeadphoneRightShift));
            Update(Sgtl5000Registers.AnalogControl, Sgtl5000Registers.MuteHeadphone, 0);
        }

        // ---- helpers -------------------------------------------------------------------------------

        private void WriteCoefficient(int msbRegister, int lsbRegister, int coefficient)
        {
            Write(msbRegister, (coefficient >> 4) & 0xFFFF);
            Write(lsbRegister, coefficient & 0xF);
        }

        // The strobe is a command, not state: written even when the cache already holds it.
        private void StrobeCoefficients(int index)
        {
            Registers.Cache.MarkUnknown(Sgtl5000Registers.DapFilterCoefficientAccess);
            Write(Sgtl5000Registers.DapFilterCoefficientAccess, Sgtl5000Registers.CoefficientWrite | index);
        }
    }
}
