using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Drivers.Wm8960;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;
using static InterfaceFirmware.UnitTests.Drivers.DriverTestHelpers;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>
    /// The WM8960 driver when things go wrong: a brown-out that resets the chip's registers, a
    /// chip that does not answer, a bus that drops transactions. Bounded retries, a status the
    /// caller sees, nothing thrown, and a re-sync that puts back exactly what the driver had set.
    /// </summary>
    [TestClass]
    public class Wm8960FaultTests
    {
        [TestMethod]
        public static void ResyncAfterABrownOutRestoresEveryRegisterTheDriverSetAndOnlyThose()
        {
            ReferenceDriverRig rig = ConfiguredRig();
            int[] before = Snapshot(rig);

            rig.Board.Wm8960.BrownOut();
            int mark = rig.LogMark;
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, false));
            int ms = rig.RunUntilIdle(5000);
            OutputHelper.WriteLine("re-sync back to On in " + ms.ToString() + " ms, " + rig.CodecWritesSince(mark).ToString() + " writes");

            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Status);
            int[] resetValues = Wm8960Registers.ResetValues();
            for (int register = 0; register < Wm8960Registers.Count; register++)
            {
                if (register == Wm8960Registers.Reset)
                {
                    continue;
                }

                // the VU bit is a strobe, not state: a flush sets it on every volume register it restores
                Assert.AreEqual(before[register] & ~ReferenceDriverRig.Vu(register), rig.Board.Wm8960.Register(register) & ~ReferenceDriverRig.Vu(register), "register 0x" + register.ToString("X2") + " restored");
                Assert.AreEqual(rig.Codec.CachedRegister(register) & ~ReferenceDriverRig.Vu(register), rig.Board.Wm8960.Register(register) & ~ReferenceDriverRig.Vu(register));
            }

            int[] writes = rig.CodecWritesSinceMark(mark);
            for (int i = 0; i < writes.Length; i++)
            {
                int register = writes[i] / 0x1000;
                Assert.AreNotEqual(resetValues[register], before[register] & ~ReferenceDriverRig.Vu(register),
                    "register 0x" + register.ToString("X2") + " was at its reset value, yet written");
            }

            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void AVolumeSetAndSetBackIsNotRewrittenByTheResync()
        {
            var rig = new ReferenceDriverRig();
            rig.Codec.SetDacVolume(StereoGain.Both(-1000));
            rig.Codec.SetDacVolume(StereoGain.Both(0)); // back at the default, only the VU strobe differs
            rig.Board.Wm8960.BrownOut();
            int mark = rig.LogMark;
            rig.Codec.Resync(rig.Now, false);
            rig.RunUntilIdle(1000);

            int[] writes = rig.CodecWritesSinceMark(mark);
            for (int i = 0; i < writes.Length; i++)
            {
                int register = writes[i] / 0x1000;
                Assert.IsTrue(register != Wm8960Registers.LeftDacVolume && register != Wm8960Registers.RightDacVolume, "DAC volume rewritten");
            }

            Assert.AreEqual(0xFF, rig.Board.Wm8960.AppliedDacCode(true));
        }

        [TestMethod]
        public static void AfterTheResyncTheOutputPlaysAgainAtTheSameLevel()
        {
            ReferenceDriverRig rig = ConfiguredRig();
            rig.StartRecording();
            rig.Run(100);
            double level = rig.LevelDb(rig.Board.CodecOutput(0), true, 40);

            rig.Board.Wm8960.BrownOut();
            rig.Run(50);
            rig.Codec.Resync(rig.Now, false);
            rig.RunUntilIdle(5000);
            rig.Run(400); // the DAC's soft un-mute
            long afterUs = rig.Board.Clock.NowUs;
            rig.Run(200);

            AssertLevel(level, rig.LevelDb(rig.Board.CodecOutput(0), true, 40), 0.05);
            Assert.AreEqual(0, rig.Pops("codec-a", afterUs), rig.Board.DescribePops());
        }

        [TestMethod]
        public static void AnAbsentCodecIsABusFaultAfterThreeAttempts()
        {
            var board = new VirtualBoard(BoardDescription.Reference(), 3);
            board.Bus.LogEnabled = true;
            board.Bus.FaultsAt(board.Description.CodecAddress).Absent = true;
            var log = new MemoryLog(board.Clock);
            var codec = new Wm8960Codec(board.Bus, board.Description.CodecAddress, log);

            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.Start(0));
            Assert.AreEqual(RegisterPort.Attempts, board.Bus.Log.Count, "bounded: one register, three attempts, then stop");
            Assert.AreEqual(1, log.CountAtLeast(LogLevel.Error));
            Assert.IsTrue(log.Contains(LogLevel.Error, "WM8960"));

            // Nothing touches the bus while faulted; requests report the fault.
            Assert.AreEqual((int)DriverStatus.BusFault, (int)codec.RequestPowerState(CodecPowerState.On, 0));
            codec.SetHeadphoneVolume(StereoGain.Both(-2000));
            codec.Tick(10);
            Assert.AreEqual(RegisterPort.Attempts, board.Bus.Log.Count);
        }

        [TestMethod]
        public static void ACodecThatStopsAnsweringMidSequenceFaultsAndRecoversWithAReset()
        {
            var rig = new ReferenceDriverRig();
            rig.Codec.ConfigureClocks(48000, 12288000);
            rig.Codec.RequestPowerState(CodecPowerState.On, rig.Now);
            rig.Run(100);

            // The codec drops off the bus for a while, from just before the end of the bias settle.
            I2cFaultPlan faults = rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress);
            faults.NackFromUs = rig.Board.Clock.NowUs + 1000000;
            faults.NackUntilUs = faults.NackFromUs + 500000;
            rig.Run(2000);
            Assert.AreEqual((int)DriverStatus.BusFault, (int)rig.Codec.Status);
            Assert.IsFalse(rig.Codec.Busy, "a faulted driver stops: no endless retries");
            Assert.IsTrue(rig.Codec.FailedTransactions >= RegisterPort.Attempts);
            Assert.IsTrue(rig.Board.Log.CountAtLeast(LogLevel.Error) >= 1);

            // Changes made while faulted wait in the cache.
            int mark = rig.LogMark;
            rig.Codec.SetHeadphoneVolume(StereoGain.Both(-1500));
            rig.Codec.SetDacVolume(StereoGain.Both(-300));
            Assert.AreEqual(0, rig.CodecWritesSince(mark));

            // It answers again, in an unknown state: reset it and re-sync.
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Resync(rig.Now, true));
            rig.RunUntilIdle(5000);
            Assert.AreEqual((int)CodecPowerState.On, (int)rig.Codec.PowerState);
            for (int register = 0; register < Wm8960Registers.Count; register++)
            {
                if (register != Wm8960Registers.Reset)
                {
                    Assert.AreEqual(rig.Codec.CachedRegister(register) & ~ReferenceDriverRig.Vu(register), rig.Board.Wm8960.Register(register) & ~ReferenceDriverRig.Vu(register), "register 0x" + register.ToString("X2"));
                }
            }

            Assert.AreEqual(0xFF - 6, rig.Board.Wm8960.AppliedDacCode(true));
            Assert.AreEqual(0, rig.Board.Bus.RedundantWriteCount);
        }

        [TestMethod]
        public static void OccasionalNacksAreAbsorbedByTheRetries()
        {
            var rig = new ReferenceDriverRig();
            rig.Board.Bus.FaultsAt(rig.Board.Description.CodecAddress).NackProbability = 0.1;
            ConfigureEverything(rig);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(300);

            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.Status);
            Assert.IsTrue(rig.Codec.FailedTransactions > 0, "the retries were exercised");
            for (int register = 0; register < Wm8960Registers.Count; register++)
            {
                if (register != Wm8960Registers.Reset)
                {
                    Assert.AreEqual(rig.Codec.CachedRegister(register) & ~ReferenceDriverRig.Vu(register), rig.Board.Wm8960.Register(register) & ~ReferenceDriverRig.Vu(register), "register 0x" + register.ToString("X2"));
                }
            }
        }

        // ---- helpers ---------------------------------------------------------------------------

        /// <summary>Every setting away from its default, On, un-muted, playing and monitoring.</summary>
        private static ReferenceDriverRig ConfiguredRig()
        {
            var rig = new ReferenceDriverRig();
            rig.PlaySine(-12);
            rig.Board.SetInput("input-1", SineSource.AtDbfs(1000, -30));
            ConfigureEverything(rig);
            rig.PowerUp();
            rig.Codec.SetMuted(false, rig.Now);
            rig.Run(400);
            return rig;
        }

        private static void ConfigureEverything(ReferenceDriverRig rig)
        {
            Assert.AreEqual((int)DriverStatus.Ok, (int)rig.Codec.SetFormat(16, InterfaceFormat.I2s));
            rig.Codec.SelectInputs(InputSource.Input1, InputSource.Input1);
            rig.Codec.SetInputGain(new StereoGain(600, 300));
            rig.Codec.SetAdcVolume(StereoGain.Both(-300));
            rig.Codec.SetDacVolume(new StereoGain(-150, -100));
            rig.Codec.SetHeadphoneVolume(new StereoGain(-1000, -1200));
            rig.Codec.SetMonitor(MonitorGains.Straight(-600));
        }

        private static int[] Snapshot(ReferenceDriverRig rig)
        {
            var values = new int[Wm8960Registers.Count];
            for (int register = 0; register < values.Length; register++)
            {
                values[register] = rig.Board.Wm8960.Register(register);
            }

            return values;
        }
    }
}
