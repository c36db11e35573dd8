using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// A WM8960 model on a virtual bus, clocked like the reference board (MCLK 12.288 MHz, 48 kHz
    /// LRCLK from the USB bridge), with signal sources on its inputs and playback, rendered in
    /// blocks by the test. Levels are measured on the headphone pins (AC part) and on the capture.
    /// </summary>
    internal sealed class Wm8960Rig
    {
        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualI2cBus Bus;
        public readonly Wm8960Model Codec = new Wm8960Model();
        public readonly SignalSource[] Inputs = new SignalSource[6];
        public SignalSource PlaybackLeft = SilenceSource.Instance;
        public SignalSource PlaybackRight = SilenceSource.Instance;

        private readonly double[][] _inputs = new double[6][];
        private readonly double[][] _playback = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly byte[] _frame = new byte[2];
        private long _sample;

        public Wm8960Rig()
        {
            Bus = new VirtualI2cBus(Clock, 7);
            Bus.Attach(Codec);
            for (int i = 0; i < 6; i++)
            {
                _inputs[i] = new double[AudioEngine.BlockFrames];
                Inputs[i] = SilenceSource.Instance;
            }

            Codec.Clocks.Set(12288000, 48000);
            Codec.OnClocksChanged(0);
        }

        public long Sample
        {
            get { return _sample; }
        }

        public I2cStatus Write(int register, int value)
        {
            _frame[0] = (byte)((register << 1) | ((value >> 8) & 1));
            _frame[1] = (byte)(value & 0xFF);
            return Bus.Write(Codec.Address, _frame, 0, 2);
        }

        /// <summary>The reference power-up: anti-pop, VMID 2×50 kΩ, 600 ms, VREF, converters, mixers, outputs at 0 dB, DAC un-muted.</summary>
        public void PowerUpPlayback()
        {
            Write(Wm8960Model.RegAntiPop1, 0x09C);
            Write(Wm8960Model.RegPowerManagement1, 0x080);
            RenderMs(600);
            Write(Wm8960Model.RegPowerManagement1, 0x0C0);
            Write(Wm8960Model.RegAntiPop1, 0x008);
            Write(Wm8960Model.RegPowerManagement2, 0x1E0);
            Write(Wm8960Model.RegPowerManagement3, 0x00C);
            Write(Wm8960Model.RegLeftOutMix, 0x100);
            Write(Wm8960Model.RegRightOutMix, 0x100);
            Write(Wm8960Model.RegLeftOut1Volume, 0x079);
            Write(Wm8960Model.RegRightOut1Volume, 0x179);
            Write(Wm8960Model.RegAdcDacControl1, 0x000);
            RenderMs(50);
        }

        /// <summary>Renders <paramref name="ms"/> of audio, moving the clock with it.</summary>
        public void RenderMs(int ms)
        {
            long end = _sample + (long)ms * AudioEngine.SampleRate / 1000;
            while (_sample < end)
            {
                long remaining = end - _sample;
                Block(remaining < AudioEngine.BlockFrames ? (int)remaining : AudioEngine.BlockFrames);
            }
        }

        /// <summary>Renders <paramref name="ms"/> and returns every sample of one headphone pin and of the capture.</summary>
        public void RenderCollect(int ms, bool left, double[] pin, double[] capture)
        {
            long end = _sample + (long)ms * AudioEngine.SampleRate / 1000;
            int written = 0;
            while (_sample < end)
            {
                long remaining = end - _sample;
                int count = remaining < AudioEngine.BlockFrames ? (int)remaining : AudioEngine.BlockFrames;
                Block(count);
                Array.Copy(Codec.HeadphonePin(left).Voltage, 0, pin, written, count);
                Array.Copy(Codec.Capture(left), 0, capture, written, count);
                written += count;
            }
        }

        /// <summary>
        /// Renders whole periods of a 1 kHz signal (48 samples each) for <paramref name="periods"/> periods
        /// and returns the sine level in dBFS of the left or right headphone pin's AC part.
        /// </summary>
        public double HeadphoneLevelDb(bool left, int periods)
        {
            double sum = 0;
            int total = periods * 48;
            int done = 0;
            while (done < total)
            {
                int count = Math.Min(48, total - done);
                Block(count);
                double[] v = Codec.HeadphonePin(left).Voltage;
                double vmid = Codec.Vmid;
                for (int i = 0; i < count; i++)
                {
                    double ac = v[i] - vmid;
                    sum += ac * ac;
                }

                done += count;
            }

            return Decibels.ToDb(Math.Sqrt(sum / total) * Math.Sqrt(2.0));
        }

        /// <summary>Like <see cref="HeadphoneLevelDb"/>, for the ADC capture.</summary>
        public double CaptureLevelDb(bool left, int periods)
        {
            double sum = 0;
            int total = periods * 48;
            int done = 0;
            while (done < total)
            {
                int count = Math.Min(48, total - done);
                Block(count);
                double[] c = Codec.Capture(left);
                for (int i = 0; i < count; i++)
                {
                    sum += c[i] * c[i];
                }

                done += count;
            }

            return Decibels.ToDb(Math.Sqrt(sum / total) * Math.Sqrt(2.0));
        }

        private void Block(int count)
        {
            long startUs = AudioEngine.TimeOfSampleUs(_sample);
            long endUs = AudioEngine.TimeOfSampleUs(_sample + count);
            for (int i = 0; i < 6; i++)
            {
                Inputs[i].Fill(_inputs[i], 0, count, _sample);
            }

            PlaybackLeft.Fill(_playback[0], 0, count, _sample);
            PlaybackRight.Fill(_playback[1], 0, count, _sample);
            Codec.Process(_inputs, _playback, count, startUs);
            _sample += count;
            Clock.AdvanceUs(endUs - Clock.NowUs);
        }
    }
}
