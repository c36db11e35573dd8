using System;
using InterfaceFirmware.Emulator;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// What the single-codec rigs share: one codec model on a virtual bus, clocked like the boards
    /// clock it (MCLK 12.288 MHz, a 48 kHz LRCLK from an external master), signal sources on its
    /// input pins and playback, rendered block by block by the test with the clock moving along.
    /// Levels are measured on the headphone pins (AC part, VMID removed) and on the capture.
    /// </summary>
    internal abstract class CodecRig
    {
        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualI2cBus Bus;
        public readonly SignalSource[] Inputs;
        public SignalSource PlaybackLeft = SilenceSource.Instance;
        public SignalSource PlaybackRight = SilenceSource.Instance;

        private readonly CodecModel _model;
        private readonly double[][] _inputs;
        private readonly double[][] _playback = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly int _levelBlockFrames;
        private long _sample;
        private int _lastCount = 1;

        /// <param name="levelBlockFrames">Block size the level measurements render in.</param>
        protected CodecRig(CodecModel model, int busSeed, int levelBlockFrames)
        {
            _model = model;
            _levelBlockFrames = levelBlockFrames;
            Bus = new VirtualI2cBus(Clock, busSeed);
            Bus.Attach(model);
            Inputs = new SignalSource[model.InputPinCount];
            _inputs = new double[model.InputPinCount][];
            for (int i = 0; i < Inputs.Length; i++)
            {
                _inputs[i] = new double[AudioEngine.BlockFrames];
                Inputs[i] = SilenceSource.Instance;
            }

            model.Clocks.Set(12288000, 48000);
            model.OnClocksChanged(0);
        }

        public long Sample
        {
            get { return _sample; }
        }

        /// <summary>Renders <paramref name="ms"/> of audio, moving the clock with it.</summary>
        public void RenderMs(int ms)
        {
            RenderSamples(ms * AudioEngine.SampleRate / 1000);
        }

        public void RenderSamples(int samples)
        {
            int done = 0;
            while (done < samples)
            {
                int count = Math.Min(AudioEngine.BlockFrames, samples - done);
                Block(count);
                done += count;
            }
        }

        /// <summary>Renders <paramref name="ms"/> and returns every sample of one headphone pin and of the capture.</summary>
        public void RenderCollect(int ms, bool left, double[] pin, double[] capture)
        {
            int samples = ms * AudioEngine.SampleRate / 1000;
            int written = 0;
            while (written < samples)
            {
                int count = Math.Min(AudioEngine.BlockFrames, samples - written);
                Block(count);
                Array.Copy(_model.HeadphonePin(left).Voltage, 0, pin, written, count);
                Array.Copy(_model.Capture(left), 0, capture, written, count);
                written += count;
            }
        }

        /// <summary>The last rendered sample of a headphone pin, minus VMID.</summary>
        public double OutputSample(bool left)
        {
            return _model.HeadphonePin(left).Voltage[_lastCount - 1] - _model.Vmid;
        }

        /// <summary>Sine level (dB re a full-scale peak) of a headphone pin's AC part over whole 1 kHz periods.</summary>
        public double HeadphoneLevelDb(bool left, int periods)
        {
            return LevelDb(left, periods, false);
        }

        /// <summary>Sine level (dBFS) of the capture over whole 1 kHz periods.</summary>
        public double CaptureLevelDb(bool left, int periods)
        {
            return LevelDb(left, periods, true);
        }

        private double LevelDb(bool left, int periods, bool capture)
        {
            double sum = 0;
            int total = periods * 48;
            int done = 0;
            while (done < total)
            {
                int count = Math.Min(_levelBlockFrames, total - done);
                Block(count);
                double[] v = capture ? _model.Capture(left) : _model.HeadphonePin(left).Voltage;
                double offset = capture ? 0 : _model.Vmid;
                for (int i = 0; i < count; i++)
                {
                    double ac = v[i] - offset;
                    sum += ac * ac;
                }

                done += count;
            }

            return Decibels.ToDb(Math.Sqrt(sum / total) * Math.Sqrt(2.0));
        }

        private void Block(int count)
        {
            long startUs = AudioEngine.TimeOfSampleUs(_sample);
            long endUs = AudioEngine.TimeOfSampleUs(_sample + count);
            for (int i = 0; i < Inputs.Length; i++)
            {
                Inputs[i].Fill(_inputs[i], 0, count, _sample);
            }

            PlaybackLeft.Fill(_playback[0], 0, count, _sample);
            PlaybackRight.Fill(_playback[1], 0, count, _sample);
            _model.Process(_inputs, _playback, count, startUs);
            _sample += count;
            _lastCount = count;
            Clock.AdvanceUs(endUs - Clock.NowUs);
        }
    }
}
