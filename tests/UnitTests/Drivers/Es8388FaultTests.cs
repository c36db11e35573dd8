using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Es8388;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The ES8388 driver when things go wrong: a brown-out that resets the chip's registers (which
    /// the driver can see, the chip being readable), a chip that does not answer, a bus that drops
    /// transactions. Bounded retries, a status the caller sees, nothing thrown, and a re-sync that
    /// puts back exactly what the driver had set.
    /// </summary>
    [TestClass]
    public class Es8388FaultTests
    {
        [TestMethod]
        public static void ABrownOutIsSeenAndTheResyncRestoresEveryRegisterTheDriverSetAndOnlyThose()
        {
            AudioKitDriverRig rig = ConfiguredRig();
            int[] before = Snapshot(rig);
            bool wasReset;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsFalse(wasReset, "the chip still holds its registers");

            rig.Board.Es8388.BrownOut();
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsTrue(wasReset, "MASTERMODE reads back as the reset master mode");

            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, false));
            int ms = rig.RunUntilIdle(5000);
            OutputHelper.WriteLine("re-sync back to On in " + ms.ToString() + " ms, " + rig.CodecWritesSince(mark).ToString() + " writes");

            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Status);
            int[] resetValues = Es8388Registers.ResetValues();
            for (int register = 0; register < Es8388Registers.Count; register++)
            {
                Assert.AreEqual(before[register], rig.Board.Es8388.Register(register), "register 0x" + register.ToString("X2") + " restored");
                Assert.AreEqual(rig.Codec.CachedRegister(register), rig.Board.Es8388.Register(register));
            }

            int[] writes = rig.CodecWritesSinceMark(mark);
            for (int i = 0; i < writes.Length; i++)
            {
                int register = writes[i] / 0x1000;
                Assert.AreNotEqual(resetValues[register], before[register],
                    "register 0x" + register.ToString("X2") + " was at its reset value, yet written");
            }

            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsFalse(wasReset);
            Assert.AreEqual(0, rig.Board.Es8388.ProtocolErrors.Count);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void EveryRegisterTheDriverSetsDiffersFromItsResetValue()
        {
            // What makes a register's loss visible and its re-write necessary: the configured state
            // against the reset table (which is the model's).
            AudioKitDriverRig rig = ConfiguredRig();
            int[] resetValues = Es8388Registers.ResetValues();
            int changed = 0;
            for (int register = 0; register < Es8388Registers.Count; register++)
            {
                Assert.AreEqual(Es8388Model.ResetValue(register), resetValues[register], "reset table, register 0x" + register.ToString("X2"));
                changed += rig.Board.Es8388.Register(register) != resetValues[register] ? 1 : 0;
            }

            OutputHelper.WriteLine(changed.ToString() + " registers away from their reset values");
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AfterTheResyncTheOutputPlaysAgainAtTheSameLevelWithoutAPop()
        {
            AudioKitDriverRig rig = ConfiguredRig();
            rig.StartRecording();
            rig.Run(100);
            double left = rig.LevelDb(true, 40);
            double right = rig.LevelDb(false, 40);

            rig.Board.Es8388.BrownOut(); // the outputs stop dead: that click is the brown-out's own
            rig.Run(50);
            long resyncUs = rig.Board.Clock.NowUs;
            rig.Codec.Resync(rig.Now, false);
            rig.RunUntilIdle(5000);
            rig.Run(400); // the DAC's soft un-mute

            AssertLevel(left, rig.LevelDb(true, 40), 0.05);
            AssertLevel(right, rig.LevelDb(false, 40), 0.05);
            Assert.AreEqual(0, rig.Pops(resyncUs), rig.DescribePops());
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AnAbsentCodecIsABusFaultAfterThreeAttempts()
        {
            var rig = new AudioKitDriverRig();
            rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress).Absent = true;
            var log = new MemoryLog(rig.Board.Clock);
            var codec = new Es8388Codec(rig.Board.Bus, rig.Board.Description.CodecAddress, log);
            int mark = rig.LogMark;

            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.Start(rig.Now));
            Assert.AreEqual(RegisterPort.Attempts, rig.Board.Bus.Log.Count - mark, "bounded: one register, three attempts, then stop");
            Assert.AreEqual(1, log.CountAtLeast(LogLevel.Error));
            Assert.IsTrue(log.Contains(LogLevel.Error, "ES8388"));

            // Nothing touches the bus while faulted; requests report the fault.
            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.RequestPowerState(CodecPowerState.On, rig.Now));
            codec.SetHeadphoneVolume(StereoGain.Both(-2000));
            codec.SetDacVolume(StereoGain.Both(-600));
            bool wasReset;
            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.ProbeForReset(out wasReset));
            codec.Tick(rig.Now + 10);
            Assert.AreEqual(RegisterPort.Attempts, rig.Board.Bus.Log.Count - mark);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AProbeOfAnAbsentCodecIsABusFault()
        {
            var rig = new AudioKitDriverRig();
            rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress).Absent = true;
            int mark = rig.LogMark;
            bool wasReset;
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Codec.ProbeForReset(out wasReset));
            Assert.IsFalse(wasReset);
            Assert.AreEqual(RegisterPort.Attempts, rig.Board.Bus.Log.Count - mark);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Codec.Status);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void ACodecThatStopsAnsweringMidSequenceFaultsAndRecoversWithAReset()
        {
            var rig = new AudioKitDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.Codec.SetMuted(false, rig.Now);
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            rig.Run(100);

            // The codec drops off the bus for a while, across the end of the VMID settle.
            I2cFaultPlan faults = rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress);
            faults.NackFromUs = rig.Board.Clock.NowUs + (Es8388Sequences.VmidSettleMs - 300) * 1000L;
            faults.NackUntilUs = faults.NackFromUs + 500000;
            rig.Run(3000);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Codec.Status);
            Assert.IsFalse(rig.Codec.Busy, "a faulted driver stops: no endless retries");
            Assert.IsTrue(rig.Codec.FailedTransactions >= RegisterPort.Attempts);
            Assert.IsTrue(rig.Board.Log.CountAtLeast(LogLevel.Error) >= 1);

            // Changes made while faulted wait in the cache.
            int mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1500));
            rig.Codec.SetDacVolume(StereoGain.Both(-300));
            rig.Codec.SetMonitor(MonitorGains.Straight(-300));
            Assert.AreEqual(0, rig.CodecWritesSince(mark));

            // It answers again, in an unknown state: reset it and re-sync.
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, true));
            rig.RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            for (int register = 0; register < Es8388Registers.Count; register++)
            {
                Assert.AreEqual(rig.Codec.CachedRegister(register), rig.Board.Es8388.Register(register), "register 0x" + register.ToString("X2"));
            }

            Assert.IsFalse(rig.Board.Es8388.HeldInReset);
            Assert.AreEqual(6, rig.Board.Es8388.Register(Es8388Registers.LeftDacVolume));
            Assert.AreEqual(0x1E - 10, rig.Board.Es8388.Register(Es8388Registers.LeftOut1Volume));
            Assert.AreEqual(0, rig.Board.Es8388.ProtocolErrors.Count);
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void OccasionalNacksAreAbsorbedByTheRetries()
        {
            var rig = new AudioKitDriverRig();
            rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress).NackProbability = 0.1;
            ConfigureEverything(rig);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);
            bool wasReset;
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.ProbeForReset(out wasReset));
                Assert.IsFalse(wasReset);
            }

            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Status);
            Assert.IsTrue(rig.Codec.FailedTransactions > 0, "the retries were exercised");
            for (int register = 0; register < Es8388Registers.Count; register++)
            {
                Assert.AreEqual(rig.Codec.CachedRegister(register), rig.Board.Es8388.Register(register), "register 0x" + register.ToString("X2"));
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>Every setting away from its default, On, un-muted, playing and monitoring.</summary>
        private static AudioKitDriverRig ConfiguredRig()
        {
            var rig = new AudioKitDriverRig();
            rig.PlaySine(-12);
            rig.SetInput("line-left", AudioKitDriverRig.Sine(-40, 0.7));
            ConfigureEverything(rig);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            return rig;
        }

        private static void ConfigureEverything(AudioKitDriverRig rig)
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SetFormat(16, InterfaceFormat.I2s));
            rig.Codec.SelectInputs(InputSource.Input2, InputSource.Input2);
            rig.Codec.SetInputGain(new StereoGain(600, 300));
            rig.Codec.SetAdcVolume(StereoGain.Both(-300));
            rig.Codec.SetDacVolume(new StereoGain(-150, -100));
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1050, -1200));
            MonitorGains monitor = MonitorGains.Straight(-600);
            monitor.LeftToRight = -1200;
            rig.Codec.SetMonitor(monitor);
        }

        private static int[] Snapshot(AudioKitDriverRig rig)
        {
            var values = new int[Es8388Registers.Count];
            for (int register = 0; register < values.Length; register++)
            {
                values[register] = rig.Board.Es8388.Register(register);
            }

            return values;
        }
    }
}
