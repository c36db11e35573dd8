using System;

namespace InterfaceFirmware.Emulator
{
    /// <summary>The ES8388's audio path: input PGA, ADC, DAC, output mixers with bypass and cross-feed, OUT1 (see Es8388Model.cs).</summary>
    public sealed partial class Es8388Model
    {
        /// <summary>Gain of each ramp level (0.5 dB steps, 0 = 0 dB … 192 = −96 dB, 193 = silent).</summary>
        private static readonly double[] LevelGain = BuildLevelGain();

        /// <summary>1st-order DC-blocking high-pass of the ADC (about 3.7 Hz at 48 kHz; the cut-off is a model value).</summary>
        private const double HighPassAlpha = 0.99951588;

        private readonly int[] _dacLevel = new int[2];
        private readonly double[] _dacCredit = new double[2];
        private readonly int[] _adcLevel = new int[2];
        private readonly double[] _adcCredit = new double[2];
        private readonly double[] _hpfX = new double[2];
        private readonly double[] _hpfY = new double[2];
        private readonly double[][] _pga = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _dac = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _bypass = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[] _mix = new double[AudioEngine.BlockFrames];
        private readonly double[] _gain = new double[AudioEngine.BlockFrames];
        private readonly double[] _zeros = new double[AudioEngine.BlockFrames];
        private readonly bool[] _bypassLive = new bool[2];

        /// <summary>The DAC channel's momentary ramp level: 0 = 0 dB, 0.5 dB per step, <see cref="RampSilentLevel"/> = silent.</summary>
        public int DacRampLevel(bool left)
        {
            return _dacLevel[left ? 0 : 1];
        }

        /// <summary>The ADC channel's momentary ramp level (as <see cref="DacRampLevel"/>).</summary>
        public int AdcRampLevel(bool left)
        {
            return _adcLevel[left ? 0 : 1];
        }

        // ---- gain laws (public so tests and drivers can name them) -------------------------------------

        /// <summary>LOUT1VOL/ROUT1VOL in dB: (code − 0x1E) × 1.5, codes above 0x21 clamped to +4.5 dB.</summary>
        public static double Out1GainDb(int code)
        {
            code &= Out1VolumeLevel;
            if (code > Out1MaxCode)
            {
                code = Out1MaxCode;
            }

            return (code - Out1ZeroDbCode) * Out1StepDb;
        }

        /// <summary>Mixer bypass gain (bits 5:3 of DACCONTROL17–20): 000 = +6 dB … 111 = −15 dB.</summary>
        public static double MixerGainDb(int field)
        {
            return 6.0 - 3.0 * (field & 7);
        }

        /// <summary>Mic PGA gain: 3 dB per code, codes above 8 clamped to +24 dB.</summary>
        public static double MicGainDb(int code)
        {
            code &= AdcControl1MicAmpRight; // a 4-bit MICAMP code
            return 3.0 * (code > 8 ? 8 : code);
        }

        /// <summary>ADC/DAC digital volume: −0.5 dB per code, codes at and above 0xC0 = −96 dB.</summary>
        public static double DigitalVolumeDb(int code)
        {
            code &= DigitalVolumeCode;
            return -0.5 * (code > DigitalVolumeMinCode ? DigitalVolumeMinCode : code);
        }

        /// <summary>LRCK periods per 0.5 dB ramp step: DAC 4/32/64/128, ADC 4/8/16/32 for rate codes 0–3.</summary>
        public static int RampLrckPerStep(bool dac, int rateCode)
        {
            switch (rateCode & 3)
            {
                case 0: return 4;
                case 1: return dac ? 32 : 8;
                case 2: return dac ? 64 : 16;
                default: return dac ? 128 : 32;
            }
        }

        private void ResetAudioState()
        {
            for (int ch = 0; ch < 2; ch++)
            {
                _dacLevel[ch] = RampSilentLevel;
                _adcLevel[ch] = RampSilentLevel;
                _dacCredit[ch] = 0;
                _adcCredit[ch] = 0;
                _hpfX[ch] = 0;
                _hpfY[ch] = 0;
            }
        }

        // ---- audio ---------------------------------------------------------------------------------

        /// <summary>
        /// Processes one block. <paramref name="inputs"/> holds LIN1, LIN2, RIN1, RIN2 (analogue,
        /// full-scale units, relative to VMID); <paramref name="playback"/> the I2S data from the host
        /// (left, right). Either may be null (silence). Results: <see cref="CodecModel.HeadphonePin"/> (LOUT1,
        /// ROUT1) and <see cref="CodecModel.Capture"/>.
        /// </summary>
        public override void Process(double[][] inputs, double[][] playback, int count, long startUs)
        {
            _nowUs = startUs;
            bool analogue = AnalogueOn;
            int chipPower = _registers[RegChipPower];
            int adcPower = _registers[RegAdcPower];
            int dacPower = _registers[RegDacPower];

            RenderVmid(count);

            // Input PGA (mic amplifier) on PDNAINx.
            int micAmp = _registers[RegAdcControl1];
            for (int ch = 0; ch < 2; ch++)
            {
                bool left = ch == 0;
                double[] pga = _pga[ch];
                if (!analogue || (adcPower & (left ? AdcPowerAinLeftOff : AdcPowerAinRightOff)) != 0)
                {
                    Array.Clear(pga, 0, count);
                    continue;
                }

                double gain = Decibels.ToLinear(MicGainDb(Field(micAmp, left ? AdcControl1MicAmpLeft : AdcControl1MicAmpRight)));
                RenderPgaInput(inputs, ch, pga, count);
                for (int i = 0; i < count; i++)
                {
                    pga[i] = Analog.Clip(pga[i] * gain, VmidLevel);
                }
            }

            // ADC: digital power, VREF, state machine, bias generator, its clock; then HPF, polarity, volume ramp.
            bool adcDigital = analogue && (chipPower & AdcDigitalOff) == 0 && (adcPower & AdcPowerBiasGenOff) == 0 && AdcClockProblem == null;
            double adcFs = adcDigital ? AdcSampleRate : 0;
            int adcControl7 = _registers[RegAdcControl7];
            int adcControl6 = _registers[RegAdcControl6];
            for (int ch = 0; ch < 2; ch++)
            {
                bool left = ch == 0;
                double[] capture = _capture[ch];
                if (!adcDigital || (adcPower & (left ? AdcPowerAdcLeftOff : AdcPowerAdcRightOff)) != 0)
                {
                    Array.Clear(capture, 0, count);
                    _adcLevel[ch] = RampSilentLevel;
                    _adcCredit[ch] = 0;
                    _hpfX[ch] = _hpfY[ch] = 0;
                    continue;
                }

                int volumeRegister = left || (adcControl7 & AdcControl7LeftSetsBoth) != 0 ? RegAdcControl8 : RegAdcControl9;
                int target = (adcControl7 & AdcControl7Mute) != 0 ? RampSilentLevel : VolumeLevel(_registers[volumeRegister]);
                bool constant = RampGains(_adcLevel, _adcCredit, ch, target, (adcControl7 & AdcControl7SoftRamp) != 0,
                    RampLrckPerStep(false, Field(adcControl7, VolumeRampRate)), adcFs, count);
                bool highPass = (adcControl6 & (left ? AdcControl6HighPassLeft : AdcControl6HighPassRight)) != 0;
                double sign = (adcControl6 & (left ? AdcControl6InvertLeft : AdcControl6InvertRight)) != 0 ? -1.0 : 1.0;
                double[] pga = _pga[ch];
                double x1 = _hpfX[ch];
                double y1 = _hpfY[ch];
                double g = _gain[0] * sign;
                for (int i = 0; i < count; i++)
                {
                    double x = pga[i];
                    double y = x;
                    if (highPass)
                    {
                        y = HighPassAlpha * (y1 + x - x1);
                        x1 = x;
                        y1 = y;
                    }

                    capture[i] = Analog.Clip(y * (constant ? g : _gain[i] * sign), 1.0);
                }

                _hpfX[ch] = x1;
                _hpfY[ch] = y1;
            }

            // DAC: digital power, VREF, state machine, its clock; LR swap, mono, polarity, volume ramp.
            bool dacDigital = analogue && (chipPower & DacDigitalOff) == 0 && DacClockProblem == null;
            double dacFs = dacDigital ? DacSampleRate : 0;
            int dacControl1 = _registers[RegDacControl1];
            int dacControl3 = _registers[RegDacControl3];
            int dacControl6 = _registers[RegDacControl6];
            bool mono = (_registers[RegDacControl7] & DacControl7Mono) != 0;
            for (int ch = 0; ch < 2; ch++)
            {
                bool left = ch == 0;
                double[] dac = _dac[ch];
                if (!dacDigital || (dacPower & (left ? DacPowerDacLeftOff : DacPowerDacRightOff)) != 0)
                {
                    Array.Clear(dac, 0, count);
                    _dacLevel[ch] = RampSilentLevel;
                    _dacCredit[ch] = 0;
                    continue;
                }

                int volumeRegister = left || (dacControl3 & DacControl3LeftSetsBoth) != 0 ? RegDacControl4 : RegDacControl5;
                int target = (dacControl3 & DacControl3Mute) != 0 ? RampSilentLevel : VolumeLevel(_registers[volumeRegister]);
                bool constant = RampGains(_dacLevel, _dacCredit, ch, target, (dacControl3 & DacControl3SoftRamp) != 0,
                    RampLrckPerStep(true, Field(dacControl3, VolumeRampRate)), dacFs, count);
                int sourceCh = (dacControl1 & DacControl1LrSwap) != 0 ? 1 - ch : ch;
                double[] source = playback != null ? playback[sourceCh] : _zeros;
                double[] other = playback != null ? playback[1 - sourceCh] : _zeros;
                double sign = (dacControl6 & (left ? DacControl6InvertLeft : DacControl6InvertRight)) != 0 ? -1.0 : 1.0;
                double g = _gain[0] * sign;
                for (int i = 0; i < count; i++)
                {
                    double sample = mono ? 0.5 * (source[i] + other[i]) : source[i];
                    dac[i] = Analog.Clip(sample * (constant ? g : _gain[i] * sign), 1.0);
                }
            }

            // Bypass sources (DACCONTROL16): IN1, IN2 straight from the pins, or the PGA output.
            int mixSelect = _registers[RegDacControl16];
            for (int ch = 0; ch < 2; ch++)
            {
                int select = Field(mixSelect, ch == 0 ? DacControl16LMixSel : DacControl16RMixSel);
                double[] bypass = _bypass[ch];
                double[] source = null;
                if (analogue)
                {
                    switch (select)
                    {
                        case MixSelectIn1: source = Input(inputs, ch * 2); break;
                        case MixSelectIn2: source = Input(inputs, ch * 2 + 1); break;
                        case MixSelectPga: source = _pga[ch]; break;
                    }
                }

                _bypassLive[ch] = source != null;
                if (source != null)
                {
                    Array.Copy(source, bypass, count);
                }
            }

            // Output mixers and OUT1 drivers, biased at VMID.
            double loadPower = 0;
            for (int ch = 0; ch < 2; ch++)
            {
                bool left = ch == 0;
                OutputPin pin = _pins[ch];
                double[] voltage = pin.Voltage;
                bool driven = analogue && (dacPower & (left ? DacPowerLout1 : DacPowerRout1)) != 0;
                if (!driven)
                {
                    Array.Copy(_vmidTrack, voltage, count);
                    pin.ResistanceOhms = DisabledOutputOhms();
                    continue;
                }

                int own = _registers[left ? RegDacControl17 : RegDacControl20];
                int cross = _registers[left ? RegDacControl18 : RegDacControl19];
                int ownCh = ch;
                int crossCh = 1 - ch;
                Array.Clear(_mix, 0, count);
                if ((own & MixerDac) != 0)
                {
                    Accumulate(_dac[ownCh], 1.0, count);
                }

                if ((cross & MixerDac) != 0)
                {
                    Accumulate(_dac[crossCh], 1.0, count);
                }

                if ((own & MixerBypass) != 0 && _bypassLive[ownCh])
                {
                    Accumulate(_bypass[ownCh], Decibels.ToLinear(MixerGainDb(Field(own, MixerBypassVolume))), count);
                }

                if ((cross & MixerBypass) != 0 && _bypassLive[crossCh])
                {
                    Accumulate(_bypass[crossCh], Decibels.ToLinear(MixerGainDb(Field(cross, MixerBypassVolume))), count);
                }

                double outGain = Decibels.ToLinear(Out1GainDb(_registers[left ? RegLout1Volume : RegRout1Volume]));
                for (int i = 0; i < count; i++)
                {
                    double vmid = _vmidTrack[i];
                    double signal = Analog.Clip(_mix[i] * outGain, vmid);
                    voltage[i] = vmid + signal;
                    loadPower += signal * signal;
                }

                pin.ResistanceOhms = DrivenOhms;
            }

            SetHeadphoneLoad(loadPower, count);
        }

        private double[] Input(double[][] inputs, int index)
        {
            return inputs != null && inputs[index] != null ? inputs[index] : _zeros;
        }

        // LINSEL/RINSEL: 00 IN1, 01 IN2, 10 reserved (silence), 11 differential LINx − RINx.
        private void RenderPgaInput(double[][] inputs, int ch, double[] target, int count)
        {
            int adcControl2 = _registers[RegAdcControl2];
            int select = Field(adcControl2, ch == 0 ? AdcControl2LinSel : AdcControl2RinSel);
            switch (select)
            {
                case InputSelectIn1:
                    Array.Copy(Input(inputs, ch * 2), target, count);
                    break;
                case InputSelectIn2:
                    Array.Copy(Input(inputs, ch * 2 + 1), target, count);
                    break;
                case InputSelectDifferential:
                    bool useDsr = ch == 1 && (adcControl2 & AdcControl2DsSel) != 0;
                    bool second = useDsr ? (adcControl2 & AdcControl2Dsr) != 0 : (_registers[RegAdcControl3] & AdcControl3Ds) != 0;
                    double[] plus = Input(inputs, second ? 1 : 0);
                    double[] minus = Input(inputs, second ? 3 : 2);
                    for (int i = 0; i < count; i++)
                    {
                        target[i] = plus[i] - minus[i];
                    }

                    break;
                default:
                    Array.Clear(target, 0, count);
                    break;
            }
        }

        protected override double VmidTarget
        {
            get { return Powered && VmidSelect != 0 ? VmidLevel : 0; }
        }

        private void RenderVmid(int count)
        {
            double tauSeconds;
            double target = VmidTarget;
            switch (target > 0 ? VmidSelect : 0)
            {
                case 3: tauSeconds = 0.012; break;
                case 1: tauSeconds = 0.120; break;
                case 2: tauSeconds = 1.200; break;
                default: tauSeconds = 0.060; break;
            }

            ChargeVmid(target, tauSeconds, count);
        }

        // A disabled output is tied to VMID through VROI while the VMID string and ENREF or the DAC
        // reference are up; otherwise it floats.
        private double DisabledOutputOhms()
        {
            bool reference = Bit(RegControl1, Control1EnRef) || !Bit(RegChipPower, ChipPowerDacVrefOff);
            if (Powered && !HeldInReset && VmidSelect != 0 && reference)
            {
                return Bit(RegDacControl23, DacControl23Vroi) ? TieOffHighOhms : TieOffOhms;
            }

            return double.PositiveInfinity;
        }

        private void Accumulate(double[] source, double gain, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _mix[i] += source[i] * gain;
            }
        }

        private static int VolumeLevel(int code)
        {
            code &= DigitalVolumeCode;
            return code > DigitalVolumeMinCode ? DigitalVolumeMinCode : code;
        }

        // Fills _gain with the ramped digital gain; true when it is the same for the whole block
        // (then only _gain[0] is set). The ramp moves one 0.5 dB step per lrckPerStep frames.
        private bool RampGains(int[] levels, double[] credits, int ch, int target, bool softRamp, int lrckPerStep, double fs, int count)
        {
            int level = levels[ch];
            if (!softRamp || level == target)
            {
                levels[ch] = target;
                credits[ch] = 0;
                _gain[0] = LevelGain[target];
                return true;
            }

            double perSample = fs / AudioEngine.SampleRate / lrckPerStep;
            double credit = credits[ch];
            for (int i = 0; i < count; i++)
            {
                if (level != target)
                {
                    credit += perSample;
                    while (credit >= 1.0 - 1e-9 && level != target)
                    {
                        credit -= 1.0;
                        level += level < target ? 1 : -1;
                    }
                }

                _gain[i] = LevelGain[level];
            }

            if (level == target)
            {
                credit = 0;
            }

            levels[ch] = level;
            credits[ch] = credit;
            return false;
        }


        private static double[] BuildLevelGain()
        {
            var table = new double[RampSilentLevel + 1];
            for (int i = 0; i < RampSilentLevel; i++)
            {
                table[i] = Decibels.ToLinear(-0.5 * i);
            }

            table[RampSilentLevel] = 0;
            return table;
        }
    }
}
