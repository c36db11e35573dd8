using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Inputs;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>
    /// The whole firmware booted on an emulated board (<see cref="DeviceRig"/>); its
    /// <see cref="InputSection"/> (on the codec that feeds the ADC tap, ticked by the control loop)
    /// reads the tap through a <see cref="RecordingTap"/>, so a test sees exactly the frames the
    /// meter saw.
    /// </summary>
    internal sealed class InputRig
    {
        public readonly DeviceRig Rig;
        public readonly RecordingTap Tap;
        public readonly InputSection Inputs;
        public readonly string[] InputNames;

        /// <summary>The engine sample of the tap's first recorded frame (the tap delivers every frame after it, none dropped).</summary>
        public readonly long FirstSample;

        /// <param name="board">"reference" (WM8960, inputs input-1/input-2), "audiokit" (ES8388, line-left/line-right) or "portable" (SGTL5000, line-left/line-right).</param>
        public InputRig(string board)
        {
            VirtualBoard virtualBoard = DeviceRig.NewBoardWithComputer(board);
            Tap = new RecordingTap(virtualBoard.AdcTap, 4 * AudioEngine.SampleRate);
            Rig = new DeviceRig(virtualBoard, board, null, false, Tap);
            Rig.Boot();
            InputNames = new string[] { Rig.Board.Description.Inputs[0].Name, Rig.Board.Description.Inputs[1].Name }; // the board's first two: its main inputs
            Tap.Drain();
            FirstSample = Rig.Board.Audio.NextSample - Tap.Recorded; // recorded frame 0 (the tap has delivered every frame since it started)
            Inputs = Rig.Device.Inputs;
        }

        public VirtualBoard Board
        {
            get { return Rig.Board; }
        }

        public long NowMs
        {
            get { return Rig.Board.Clock.NowMs; }
        }

        public long NowUs
        {
            get { return Rig.Board.Clock.NowUs; }
        }

        /// <summary>Puts a source on an input channel (0: left ADC channel, 1: right).</summary>
        public void SetInput(int channel, SignalSource source)
        {
            Rig.Board.SetInput(InputNames[channel], source);
        }

        /// <summary>Runs <paramref name="ms"/> in control-loop ticks, the section ticked after the firmware.</summary>
        public void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += InterfaceFirmware.Firmware.Application.InterfaceDevice.TickMs)
            {
                Rig.Run(InterfaceFirmware.Firmware.Application.InterfaceDevice.TickMs); // the firmware ticks its inputs itself
            }
        }

        /// <summary>Runs until neither channel's auto gain runs; fails after <paramref name="limitMs"/>.</summary>
        public int RunUntilAutoGainDone(int limitMs)
        {
            int elapsed = 0;
            while (Inputs.AutoGain(0).Running || Inputs.AutoGain(1).Running)
            {
                Assert.IsTrue(elapsed < limitMs, "auto gain still running after " + limitMs.ToString() + " ms");
                Run(5);
                elapsed += 5;
            }

            return elapsed;
        }

        /// <summary>Codec writes (I2C writes to the tap's codec) at or after bus log index <paramref name="mark"/>.</summary>
        public int CodecWritesSince(int mark)
        {
            int address = Rig.Board.Description.Codecs[0].Address;
            int count = 0;
            for (int i = mark; i < Rig.Board.Bus.Log.Count; i++)
            {
                var t = (I2cTransaction)Rig.Board.Bus.Log[i];
                if (t.Address == address && t.Operation == I2cOperation.Write)
                {
                    count++;
                }
            }

            return count;
        }

        public int BusMark
        {
            get { return Rig.Board.Bus.Log.Count; }
        }
    }

    /// <summary>An <see cref="IAdcTap"/> that hands frames through and keeps the newest ones for the test to inspect.</summary>
    internal sealed class RecordingTap : IAdcTap
    {
        private readonly IAdcTap _tap;
        private readonly int[] _ring;
        private readonly int _capacity;
        private readonly int[] _scratch = new int[2 * 512];
        private readonly int[] _scanned = new int[2 * 4096];
        private long _recorded;

        public RecordingTap(IAdcTap tap, int capacityFrames)
        {
            _tap = tap;
            _capacity = capacityFrames;
            _ring = new int[2 * capacityFrames];
        }

        public int SampleRate
        {
            get { return _tap.SampleRate; }
        }

        /// <summary>Frames handed through since construction.</summary>
        public long Recorded
        {
            get { return _recorded; }
        }

        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            int frames = _tap.ReadFrames(interleaved, offset, maxFrames);
            for (int i = 0; i < frames; i++)
            {
                int slot = (int)((_recorded + i) % _capacity);
                _ring[2 * slot] = interleaved[offset + 2 * i];
                _ring[2 * slot + 1] = interleaved[offset + 2 * i + 1];
            }

            _recorded += frames;
            return frames;
        }

        public int AvailableFrames
        {
            get { return _tap.AvailableFrames; }
        }

        /// <summary>Scanned frames are recorded as read ones.</summary>
        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            int frames = ReadFrames(_scanned, 0, maxFrames < 4096 ? maxFrames : 4096);
            peaks.Find(_scanned, 0, frames, stride);
            return frames;
        }

        /// <summary>Frames the reader skips are recorded too (the test sees every frame the ADC delivered).</summary>
        public int SkipFrames(int maxFrames)
        {
            int skipped = 0;
            while (skipped < maxFrames)
            {
                int chunk = maxFrames - skipped < 512 ? maxFrames - skipped : 512;
                int frames = ReadFrames(_scratch, 0, chunk);
                skipped += frames;
                if (frames < chunk)
                {
                    break;
                }
            }

            return skipped;
        }

        /// <summary>Discards what the tap holds now (frames from before the test).</summary>
        public void Drain()
        {
            var scratch = new int[2 * 512];
            while (ReadFrames(scratch, 0, 512) > 0)
            {
            }
        }

        /// <summary>Index (since construction) of the first frame at or after <paramref name="fromFrame"/> whose channel sample reaches <paramref name="level"/> in size; -1 if none is still held.</summary>
        public long FirstAtOrAbove(int channel, long fromFrame, int level)
        {
            long first = _recorded - _capacity > fromFrame ? _recorded - _capacity : fromFrame;
            first = first < 0 ? 0 : first;
            for (long n = first; n < _recorded; n++)
            {
                int sample = _ring[2 * (int)(n % _capacity) + channel];
                if (sample >= level || -sample >= level)
                {
                    return n;
                }
            }

            return -1;
        }

        /// <summary>The newest <paramref name="frames"/> samples of a channel, full scale = 1.0.</summary>
        public double[] Newest(int channel, int frames)
        {
            Assert.IsTrue(frames <= _capacity && frames <= _recorded, "not that many frames recorded");
            var samples = new double[frames];
            long first = _recorded - frames;
            for (int i = 0; i < frames; i++)
            {
                int slot = (int)((first + i) % _capacity);
                samples[i] = _ring[2 * slot + channel] / (double)Dbfs.FullScale;
            }

            return samples;
        }

        /// <summary>The largest |sample| of the newest <paramref name="frames"/> of a channel, in dBFS.</summary>
        public double SamplePeakDb(int channel, int frames)
        {
            double[] samples = Newest(channel, frames);
            double peak = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                double size = Math.Abs(samples[i]);
                peak = size > peak ? size : peak;
            }

            return Decibels.ToDb(peak);
        }
    }

    /// <summary>
    /// One period of a signal, played over and over at an amplitude (the table's peak is 1.0), so
    /// every window of a whole period holds the same samples: what auto gain heard is what it gets.
    /// </summary>
    internal sealed class LoopSource : SignalSource
    {
        private readonly double[] _period;

        public LoopSource(double[] period, double amplitude)
        {
            _period = period;
            Amplitude = amplitude;
        }

        public double Amplitude { get; set; }

        public int PeriodFrames
        {
            get { return _period.Length; }
        }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = Amplitude * _period[(int)((firstSample + i) % _period.Length)];
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }
    }

    /// <summary>Deterministic test signals (one period each, normalised to a sample peak of 1.0).</summary>
    internal static class TestSignals
    {
        private static double[] _speech;
        private static double[] _music;

        /// <summary>
        /// Speech-like, 2 s: a 150 Hz voice with ten harmonics falling at 6 dB/octave, in five
        /// syllables of 160–300 ms with raised-cosine envelopes of different heights, then a 0.6 s pause.
        /// </summary>
        public static double[] Speech()
        {
            if (_speech != null)
            {
                return _speech;
            }

            const int rate = AudioEngine.SampleRate;
            double[] voice = Harmonics(150, 10, 0.3);
            var period = new double[2 * rate];
            double[] starts = { 0.00, 0.28, 0.50, 0.86, 1.10 };
            double[] lengths = { 0.22, 0.16, 0.30, 0.18, 0.28 };
            double[] heights = { 0.7, 0.45, 1.0, 0.3, 0.6 };
            for (int s = 0; s < starts.Length; s++)
            {
                int first = (int)(starts[s] * rate);
                int length = (int)(lengths[s] * rate);
                for (int i = 0; i < length; i++)
                {
                    double envelope = heights[s] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / length));
                    period[first + i] = envelope * voice[(first + i) % voice.Length];
                }
            }

            _speech = Normalised(period);
            return _speech;
        }

        /// <summary>
        /// Music-like, 1 s: a bass (110 Hz) and a chord (220, 277, 330 Hz) with a 2 Hz swell, a
        /// 1760 Hz line, and eight noise bursts (15 ms, decaying) like a hi-hat.
        /// </summary>
        public static double[] Music()
        {
            if (_music != null)
            {
                return _music;
            }

            const int rate = AudioEngine.SampleRate;
            var period = new double[rate];
            var random = new DeterministicRandom(9);
            for (int i = 0; i < rate; i++)
            {
                double t = i / (double)rate;
                double swell = 0.75 + 0.25 * Math.Cos(2 * Math.PI * 2 * t);
                double chord = 0.25 * (Math.Sin(2 * Math.PI * 220 * t) + Math.Sin(2 * Math.PI * 277 * t + 1) + Math.Sin(2 * Math.PI * 330 * t + 2));
                period[i] = 0.5 * Math.Sin(2 * Math.PI * 110 * t) + swell * chord + 0.08 * Math.Sin(2 * Math.PI * 1760 * t);
            }

            int burst = 15 * rate / 1000;
            for (int b = 0; b < 8; b++)
            {
                int first = b * rate / 8 + rate / 16;
                for (int i = 0; i < burst; i++)
                {
                    period[first + i] += 0.5 * Math.Exp(-i / (burst / 4.0)) * (2 * random.NextDouble() - 1);
                }
            }

            _music = Normalised(period);
            return _music;
        }

        /// <summary>One period (whole samples) of a tone with <paramref name="count"/> harmonics at 1/k amplitude.</summary>
        public static double[] Harmonics(int fundamentalHz, int count, double phaseStep)
        {
            int length = AudioEngine.SampleRate / fundamentalHz;
            Assert.AreEqual(AudioEngine.SampleRate, length * fundamentalHz, "a whole number of samples per period");
            var period = new double[length];
            for (int i = 0; i < length; i++)
            {
                double x = 0;
                for (int k = 1; k <= count; k++)
                {
                    x += Math.Sin(2 * Math.PI * k * i / length + k * phaseStep) / k;
                }

                period[i] = x;
            }

            return Normalised(period);
        }

        /// <summary>One period of the given harmonics of <paramref name="fundamentalHz"/>, equal in amplitude, normalised to a sample peak of 1.0.</summary>
        public static double[] Tones(int fundamentalHz, int[] harmonics)
        {
            int length = AudioEngine.SampleRate / fundamentalHz;
            var period = new double[length];
            for (int i = 0; i < length; i++)
            {
                for (int h = 0; h < harmonics.Length; h++)
                {
                    period[i] += Math.Sin(2 * Math.PI * harmonics[h] * i / length + 0.4 * h);
                }
            }

            return Normalised(period);
        }

        private static double[] Normalised(double[] samples)
        {
            double peak = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                peak = Math.Abs(samples[i]) > peak ? Math.Abs(samples[i]) : peak;
            }

            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] /= peak;
            }

            return samples;
        }
    }
}
