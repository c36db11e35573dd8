using System;

namespace InterfaceFirmware.Emulator
{
    /// <summary>The SGTL5000's audio path: VAG, ADC, DAP (mixer, PEQ, AVC), DAC with its ramp, headphone with the line-in bypass, line out (see Sgtl5000Model.cs).</summary>
    public sealed partial class Sgtl5000Model
    {
        /// <summary>Biquads the DAP has.</summary>
        public const int BiquadCount = 7;

        /// <summary>Coefficient scale: 1.0 = 2^18 (20-bit two's complement, range ±2).</summary>
        public const double CoefficientOne = 262144.0;

        /// <summary>ADC full scale at 0 dB analogue gain: 3.12 V p-p (Teensy lineInLevel's measurement) over 1.41 V.</summary>
        public const double AdcFullScale = 1.56 / 1.41;

        /// <summary>VAG at which a full-scale DAC gives 1.0 FS at the headphone's 0 dB.</summary>
        public const double ReferenceVagVolts = 1.575;

        private const double HighPassAlpha = 0.99951588;

        private readonly int[][] _coefficients = NewCoefficients();
        private readonly double[][] _state = { new double[BiquadCount * 4], new double[BiquadCount * 4] };
        private readonly int[] _dacLevel = new int[2];
        private readonly double[] _dacCredit = new double[2];
        private readonly double[] _hpGain = new double[2];
        private readonly double[] _adcGain = new double[2];
        private readonly double[] _hpLast = new double[2];
        private readonly double[] _adcLast = new double[2];
        private readonly double[] _hpfX = new double[2];
        private readonly double[] _hpfY = new double[2];
        private readonly double[] _avcLevel = new double[2];
        private readonly double[] _avcGain = { 1.0, 1.0 };
        private readonly double[][] _adc = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _i2s = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _dap = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[][] _dac = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly double[] _zeros = new double[AudioEngine.BlockFrames];
        private readonly OutputPin[] _lineOutPins = { new OutputPin(), new OutputPin() };
        private double _vagFrom;
        private double _vagTo;
        private double _vagElapsed = 1;
        private double _vagDuration = 1;

        /// <summary>The line output pins (left = 0, right = 1) for the block just processed.</summary>
        public override OutputPin LineOutPin(bool left)
        {
            return _lineOutPins[left ? 0 : 1];
        }

        /// <summary>The DAC volume ramp's present code per side (0x3C = 0 dB … <see cref="DacSilentCode"/> = silent).</summary>
        public int DacRampLevel(bool left)
        {
            return _dacLevel[left ? 0 : 1];
        }

        /// <summary>The AVC's present gain (linear) per side.</summary>
        public double AvcGain(bool left)
        {
            return _avcGain[left ? 0 : 1];
        }

        /// <summary>A loaded biquad's coefficient (0 = b0, 1 = b1, 2 = b2, 3 = a1, 4 = a2; as stored: a1, a2 negated), 20-bit signed.</summary>
        public int Coefficient(int biquad, int which)
        {
            return _coefficients[biquad][which];
        }

        // ---- gain laws ---------------------------------------------------------------------------------

        /// <summary>Headphone gain in dB: 12 − 0.5·field.</summary>
        public static double HeadphoneGainDb(int field)
        {
            return 12.0 - 0.5 * (field & 0x7F);
        }

        /// <summary>DAC volume in dB: −0.5·(code − 0x3C), codes below 0x3C (reserved) taken as 0 dB; ≥ 0xFC silent (−∞).</summary>
        public static double DacGainDb(int code)
        {
            code &= 0xFF;
            if (code >= DacSilentCode)
            {
                return double.NegativeInfinity;
            }

            return -0.5 * ((code < 0x3C ? 0x3C : code) - 0x3C);
        }

        /// <summary>ADC analogue gain in dB: 1.5·code, −6 with ADC_VOL_M6DB.</summary>
        public static double AdcGainDb(int code, bool minus6)
        {
            return 1.5 * (code & 0xF) - (minus6 ? 6.0 : 0.0);
        }

        /// <summary>Mic preamp in dB: 0, 20, 30, 40.</summary>
        public static double MicGainDb(int code)
        {
            switch (code & 3)
            {
                case 0: return 0;
                case 1: return 20;
                case 2: return 30;
                default: return 40;
            }
        }

        /// <summary>The datasheet's nominal line-out code, 15 + 40·log10(VAG / LO_VAGCNTRL) (not rounded).</summary>
        public double LineOutNominalCode
        {
            get { return 15.0 + 40.0 * Math.Log10(VagVolts / LineOutVagVolts); }
        }

        /// <summary>
        /// A full-scale DAC's line-out level in dB re 1 FS (1.41 V peak): VAG's voltage at the
        /// nominal code, 0.5 dB less per code above it.
        /// </summary>
        public double LineOutLevelDb(int code)
        {
            return Decibels.ToDb(VagVolts / 1.41) + 0.5 * (LineOutNominalCode - (code & 0x1F));
        }

        /// <summary>DAP_MAIN_CHAN / DAP_MIX_CHAN as a gain: value / 0x8000 (0x8000 = 100 %, up to 200 %).</summary>
        public static double DapChannelGain(int value)
        {
            return (value & 0xFFFF) / 32768.0;
        }

        /// <summary>
        /// The response in dB at <paramref name="hz"/> of the PEQ as loaded (the first DAP_PEQ
        /// biquads, quantized coefficients), evaluated at the chip's own frame rate (SYS_FS), or at
        /// <paramref name="sampleRate"/> when it is not 0.
        /// </summary>
        public double PeqResponseDb(double hz, double sampleRate)
        {
            double fs = sampleRate > 0 ? sampleRate : SystemRate;
            int count = PeqActiveCount;
            double w = 2 * Math.PI * hz / fs;
            double c1 = Math.Cos(w);
            double s1 = Math.Sin(w);
            double c2 = Math.Cos(2 * w);
            double s2 = Math.Sin(2 * w);
            double db = 0;
            for (int k = 0; k < count; k++)
            {
                int[] q = _coefficients[k];
                double b0 = q[0] / CoefficientOne, b1 = q[1] / CoefficientOne, b2 = q[2] / CoefficientOne;
                double a1 = -q[3] / CoefficientOne, a2 = -q[4] / CoefficientOne;
                double nr = b0 + b1 * c1 + b2 * c2;
                double ni = -(b1 * s1 + b2 * s2);
                double dr = 1 + a1 * c1 + a2 * c2;
                double di = -(a1 * s1 + a2 * s2);
                db += 10 * Math.Log10((nr * nr + ni * ni) / (dr * dr + di * di));
            }

            return db;
        }

        /// <summary>Biquads the PEQ runs: DAP_PEQ while DAP_AUDIO_EQ = 1, else none.</summary>
        public int PeqActiveCount
        {
            get { return (_registers[RegDapAudioEq] & DapAudioEqMode) == 1 ? _registers[RegDapPeq] & DapPeqCount : 0; }
        }

        private static int[][] NewCoefficients()
        {
            var set = new int[BiquadCount][];
            for (int i = 0; i < BiquadCount; i++)
            {
                set[i] = new int[] { (int)CoefficientOne, 0, 0, 0, 0 };
            }

            return set;
        }

        // The strobe: the five MSB/LSB pairs into biquad index (20-bit two's complement).
        private void LoadCoefficients(int index)
        {
            if (index >= BiquadCount)
            {
                ReportProtocolError("coefficient strobe for biquad " + index.ToString() + ": the DAP has 7");
                return;
            }

            int[] msb = { RegDapB0Msb, RegDapB1Msb, RegDapB2Msb, RegDapA1Msb, RegDapA2Msb };
            int[] lsb = { RegDapB0Lsb, RegDapB1Lsb, RegDapB2Lsb, RegDapA1Lsb, RegDapA2Lsb };
            for (int i = 0; i < 5; i++)
            {
                int raw = ((_registers[msb[i]] & 0xFFFF) << 4) | (_registers[lsb[i]] & 0xF);
                _coefficients[index][i] = (raw & 0x80000) != 0 ? raw - 0x100000 : raw;
            }
        }

        private int VolumeBusyBits()
        {
            int bits = 0;
            bits |= _dacLevel[0] != DacTarget(0) && DacRunning ? AdcDacVolBusyLeft : 0;
            bits |= _dacLevel[1] != DacTarget(1) && DacRunning ? AdcDacVolBusyRight : 0;
            return bits;
        }

        private int DacTarget(int ch)
        {
            int control = _registers[RegAdcDacCtrl];
            if ((control & (ch == 0 ? AdcDacMuteLeft : AdcDacMuteRight)) != 0)
            {
                return DacSilentCode;
            }

            int code = (_registers[RegDacVol] >> (ch == 0 ? 0 : 8)) & 0xFF;
            return code >= DacSilentCode ? DacSilentCode : (code < 0x3C ? 0x3C : code);
        }

        private void ResetAudioState()
        {
            for (int ch = 0; ch < 2; ch++)
            {
                _dacLevel[ch] = DacSilentCode;
                _dacCredit[ch] = 0;
                _hpGain[ch] = -1; // not applied yet: the first block applies at once
                _adcGain[ch] = -1;
                _hpfX[ch] = _hpfY[ch] = 0;
                _avcLevel[ch] = 0;
                _avcGain[ch] = 1.0;
                Array.Clear(_state[ch], 0, _state[ch].Length);
            }

            for (int i = 0; i < BiquadCount; i++)
            {
                _coefficients[i][0] = (int)CoefficientOne;
                _coefficients[i][1] = _coefficients[i][2] = _coefficients[i][3] = _coefficients[i][4] = 0;
            }
        }

        // ---- audio -------------------------------------------------------------------------------------

        /// <summary>
        /// Processes one block. <paramref name="inputs"/>: LINEIN_L, LINEIN_R, MIC_IN (full-scale
        /// units, relative to VAG); <paramref name="playback"/>: the I2S data (left, right). Results:
        /// <see cref="CodecModel.HeadphonePin"/>, <see cref="LineOutPin"/>, <see cref="CodecModel.Capture"/>.
        /// </summary>
        public override void Process(double[][] inputs, double[][] playback, int count, long startUs)
        {
            _nowUs = startUs;
            RenderVag(count);
            int power = _registers[RegAnaPower];
            int digital = _registers[RegDigPower];
            int sss = _registers[RegSssCtrl];
            bool clocks = ClockProblem == null;
            double fs = clocks ? FrameRate : 0;
            double vagScale = VagVolts / 1.41; // VAG in FS units, for the swing ratio below
            double fullVag = ReferenceVagVolts / 1.41;

            // I2S in.
            for (int ch = 0; ch < 2; ch++)
            {
                double[] source = playback != null && clocks && Powered && (digital & DigI2sIn) != 0 ? playback[ch] : null;
                if (source != null)
                {
                    Array.Copy(source, _i2s[ch], count);
                }
                else
                {
                    Array.Clear(_i2s[ch], 0, count);
                }
            }

            RenderAdc(inputs, count, clocks && Powered && (digital & DigAdc) != 0 && (power & PowerAdc) != 0);

            // DAP: its input and mix input, then mixer, PEQ, AVC.
            bool dapOn = Powered && clocks && (digital & DigDap) != 0;
            for (int ch = 0; ch < 2; ch++)
            {
                if (!dapOn)
                {
                    Array.Clear(_dap[ch], 0, count);
                    continue;
                }

                double[] main = Source(Field(sss, SssDapSelect), (sss & SssDapLrSwap) != 0 ? 1 - ch : ch);
                if (!Bit(RegDapControl, DapEnable))
                {
                    Array.Copy(main, _dap[ch], count); // disabled: passed through unaltered (a model decision)
                    continue;
                }

                double[] mix = Bit(RegDapControl, DapMixEnable) ? Source(Field(sss, SssDapMixSelect), (sss & SssDapMixLrSwap) != 0 ? 1 - ch : ch) : null;
                RenderDap(ch, main, mix, count);
            }

            // DAC with its volume ramp.
            bool dacOn = DacRunning;
            for (int ch = 0; ch < 2; ch++)
            {
                double[] dac = _dac[ch];
                if (!dacOn)
                {
                    Array.Clear(dac, 0, count);
                    _dacLevel[ch] = DacSilentCode;
                    _dacCredit[ch] = 0;
                    continue;
                }

                int sourceCh = (sss & SssDacLrSwap) != 0 ? 1 - ch : ch;
                double[] source = Source(Field(sss, SssDacSelect), sourceCh);
                bool mono = (power & PowerDacStereo) == 0 && ch == 1; // DAC_MONO: left only
                RampDac(ch, source, dac, count, fs, mono);
            }

            // Capture (I2S out).
            bool i2sOut = Powered && clocks && (digital & DigI2sOut) != 0;
            for (int ch = 0; ch < 2; ch++)
            {
                if (!i2sOut)
                {
                    Array.Clear(_capture[ch], 0, count);
                    continue;
                }

                double[] source = Source(sss & SssI2sOutSelect, (sss & SssI2sOutLrSwap) != 0 ? 1 - ch : ch);
                Array.Copy(source, _capture[ch], count);
            }

            // Headphone: the DAC or the line in (SELECT_HP), zero-cross volume, MUTE_HP.
            double loadPower = 0;
            bool headphone = Powered && (power & PowerHeadphone) != 0;
            bool lineIn = Bit(RegAnaCtrl, AnaSelectHp);
            bool zeroCross = Bit(RegAnaCtrl, AnaZcdHp);
            bool hpMuted = Bit(RegAnaCtrl, AnaMuteHp);
            for (int ch = 0; ch < 2; ch++)
            {
                OutputPin pin = _pins[ch];
                double[] voltage = pin.Voltage;
                if (!headphone)
                {
                    Array.Copy(_vmidTrack, voltage, count);
                    pin.ResistanceOhms = double.PositiveInfinity;
                    _hpGain[ch] = -1;
                    continue;
                }

                double[] source = lineIn ? Input(inputs, ch) : _dac[ch];
                double target = Decibels.ToLinear(HeadphoneGainDb(_registers[RegAnaHpCtrl] >> (ch == 0 ? 0 : 8)));
                double gain = _hpGain[ch] < 0 ? target : _hpGain[ch];
                double last = _hpLast[ch];
                for (int i = 0; i < count; i++)
                {
                    double vag = _vmidTrack[i];
                    double x = lineIn ? source[i] : source[i] * vag / fullVag;
                    if (gain != target && (!zeroCross || x * last <= 0))
                    {
                        gain = target;
                    }

                    last = x;
                    double signal = hpMuted ? 0 : Analog.Clip(x * gain, vag);
                    voltage[i] = vag + signal;
                    loadPower += signal * signal;
                }

                _hpGain[ch] = gain;
                _hpLast[ch] = last;
                pin.ResistanceOhms = DrivenOhms;
            }

            SetHeadphoneLoad(loadPower, count);

            // Line out: the DAC at its own volume, MUTE_LO, biased at LO_VAGCNTRL (ramping with VAG).
            bool lineOut = Powered && (power & PowerLineOut) != 0;
            bool loMuted = Bit(RegAnaCtrl, AnaMuteLo);
            double loBias = LineOutVagVolts / 1.41;
            for (int ch = 0; ch < 2; ch++)
            {
                OutputPin pin = _lineOutPins[ch];
                double[] voltage = pin.Voltage;
                if (!lineOut)
                {
                    Array.Clear(voltage, 0, count);
                    pin.ResistanceOhms = double.PositiveInfinity;
                    continue;
                }

                int code = (_registers[RegLineOutVol] >> (ch == 0 ? 0 : 8)) & 0x1F;
                double gain = Decibels.ToLinear(LineOutLevelDb(code)); // a full-scale DAC at VAG's level
                double[] dac = _dac[ch];
                for (int i = 0; i < count; i++)
                {
                    double progress = vagScale > 0 ? _vmidTrack[i] / vagScale : 0;
                    double bias = loBias * progress;
                    double signal = loMuted ? 0 : Analog.Clip(dac[i] * gain * progress, bias);
                    voltage[i] = bias + signal;
                }

                pin.ResistanceOhms = DrivenOhms;
            }
        }

        private double[] Input(double[][] inputs, int index)
        {
            return inputs != null && index < inputs.Length && inputs[index] != null ? inputs[index] : _zeros;
        }

        // A digital source by its SSS code: 0 ADC, 1 I2S in, 3 DAP; 2 is reserved (silence).
        private double[] Source(int code, int ch)
        {
            switch (code)
            {
                case SourceAdc: return _adc[ch];
                case SourceI2sIn: return _i2s[ch];
                case SourceDap: return _dap[ch];
                default: return _zeros;
            }
        }

        private void RenderAdc(double[][] inputs, int count, bool on)
        {
            bool lineIn = Bit(RegAnaCtrl, AnaSelectAdc);
            bool muted = Bit(RegAnaCtrl, AnaMuteAdc);
            bool zeroCross = Bit(RegAnaCtrl, AnaZcdAdc);
            bool highPass = !Bit(RegAdcDacCtrl, AdcDacHpfBypass);
            int volume = _registers[RegAnaAdcCtrl];
            double mic = Decibels.ToLinear(MicGainDb(_registers[RegMicCtrl] & MicGain));
            for (int ch = 0; ch < 2; ch++)
            {
                double[] adc = _adc[ch];
                if (!on)
                {
                    Array.Clear(adc, 0, count);
                    _adcGain[ch] = -1;
                    _hpfX[ch] = _hpfY[ch] = 0;
                    continue;
                }

                double[] source = lineIn ? Input(inputs, ch) : Input(inputs, 2);
                double pre = lineIn ? 1.0 : mic;
                double target = muted ? 0 : Decibels.ToLinear(AdcGainDb(volume >> (ch == 0 ? 0 : 4), (volume & AnaAdcM6Db) != 0)) / AdcFullScale;
                double gain = _adcGain[ch] < 0 ? target : _adcGain[ch];
                double last = _adcLast[ch];
                double x1 = _hpfX[ch];
                double y1 = _hpfY[ch];
                for (int i = 0; i < count; i++)
                {
                    double x = source[i] * pre;
                    if (gain != target && (!zeroCross || x * last <= 0))
                    {
                        gain = target;
                    }

                    last = x;
                    double y = Analog.Clip(x * gain, 1.0);
                    if (highPass)
                    {
                        double h = HighPassAlpha * (y1 + y - x1);
                        x1 = y;
                        y1 = h;
                        y = h;
                    }

                    adc[i] = y;
                }

                _adcGain[ch] = gain;
                _adcLast[ch] = last;
                _hpfX[ch] = x1;
                _hpfY[ch] = y1;
            }
        }

        private void RenderDap(int ch, double[] main, double[] mix, int count)
        {
            double mainGain = DapChannelGain(_registers[RegDapMainChan]);
            double mixGain = DapChannelGain(_registers[RegDapMixChan]);
            int biquads = PeqActiveCount;
            double[] state = _state[ch];
            double[] output = _dap[ch];
            bool avc = Bit(RegDapAvcCtrl, AvcEnable);
            for (int i = 0; i < count; i++)
            {
                double x = main[i] * mainGain + (mix != null ? mix[i] * mixGain : 0);
                for (int k = 0; k < biquads; k++)
                {
                    int[] q = _coefficients[k];
                    int s = 4 * k;
                    double y = (q[0] * x + q[1] * state[s] + q[2] * state[s + 1] + q[3] * state[s + 2] + q[4] * state[s + 3]) / CoefficientOne;
                    y = Analog.Clip(y, 1.0);
                    state[s + 1] = state[s];
                    state[s] = x;
                    state[s + 3] = state[s + 2];
                    state[s + 2] = y;
                    x = y;
                }

                output[i] = Analog.Clip(avc ? Limit(ch, x) : x, 1.0);
            }
        }

        // The AVC, one sample: mean |x| over the integrator response against the threshold.
        private double Limit(int ch, double x)
        {
            int control = _registers[RegDapAvcCtrl];
            double threshold = _registers[RegDapAvcThreshold] / 32768.0; // 0.636 × the threshold's sine peak
            int lbi = Field(control, AvcLbi);
            double tauSeconds = lbi == 0 ? 0.001 : lbi == 1 ? 0.025 : lbi == 2 ? 0.05 : 0.1;
            double level = _avcLevel[ch];
            level += (Math.Abs(x) - level) / (tauSeconds * AudioEngine.SampleRate);
            _avcLevel[ch] = level;
            double gain = _avcGain[ch];
            int maxGainCode = Field(control, AvcMaxGain);
            double maxGain = maxGainCode == 0 ? 1.0 : maxGainCode == 1 ? 2.0 : 3.98;
            if (level * gain > threshold)
            {
                gain *= 1.0 - _registers[RegDapAvcAttack] / 524288.0;
            }
            else
            {
                gain /= 1.0 - _registers[RegDapAvcDecay] / 8388608.0;
                gain = gain > maxGain ? maxGain : gain;
            }

            _avcGain[ch] = gain;
            double y = x * gain;
            return (control & AvcHardLimit) != 0 ? Analog.Clip(y, threshold / 0.636) : y;
        }

        // The DAC volume ramp: one code per DacRampFramesPerCode frames at the chip's rate with VOL_RAMP_EN, else at once.
        private void RampDac(int ch, double[] source, double[] dac, int count, double fs, bool silent)
        {
            int target = DacTarget(ch);
            int level = _dacLevel[ch];
            bool ramp = Bit(RegAdcDacCtrl, AdcDacVolRamp);
            if (!ramp || level == target)
            {
                level = target;
                double gain = silent ? 0 : LevelGain(level);
                for (int i = 0; i < count; i++)
                {
                    dac[i] = Analog.Clip(source[i], 1.0) * gain;
                }

                _dacLevel[ch] = level;
                _dacCredit[ch] = 0;
                return;
            }

            double perSample = fs / AudioEngine.SampleRate / DacRampFramesPerCode;
            double credit = _dacCredit[ch];
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

                dac[i] = silent ? 0 : Analog.Clip(source[i], 1.0) * LevelGain(level);
            }

            _dacLevel[ch] = level;
            _dacCredit[ch] = level == target ? 0 : credit;
        }

        private static double LevelGain(int code)
        {
            return code >= DacSilentCode ? 0 : Decibels.ToLinear(DacGainDb(code));
        }

        // VAG: a raised-cosine ramp towards its target over 200 ms (400 ms with SMALL_POP).
        private void RenderVag(int count)
        {
            double target = VmidTarget;
            if (target != _vagTo)
            {
                _vagFrom = _vmid;
                _vagTo = target;
                _vagElapsed = 0;
                _vagDuration = VagRampSeconds * AudioEngine.SampleRate;
            }

            for (int i = 0; i < count; i++)
            {
                if (_vagElapsed < _vagDuration)
                {
                    _vagElapsed++;
                    double progress = 0.5 - 0.5 * Math.Cos(Math.PI * _vagElapsed / _vagDuration);
                    _vmid = _vagFrom + (_vagTo - _vagFrom) * progress;
                }
                else
                {
                    _vmid = _vagTo;
                }

                _vmidTrack[i] = _vmid;
            }

            _vmidTrackSettled = false;
        }
    }
}
